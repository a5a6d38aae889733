import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
}

function derive(password: string, salt: Buffer, cost: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes; 2^15 with r = 8 needs 32 MiB.
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

/**
 * scrypt from Node's own crypto (OpenSSL), stored as `scrypt$N$salt$hash` so the cost can rise
 * later without invalidating stored passwords. Comparison runs in constant time.
 */
export function createScryptHasher(cost = 2 ** 15): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, cost, 32)
      return `scrypt$${cost}$${salt.toString('base64')}$${key.toString('base64')}`
    },
    async verify(password, stored) {
      const [scheme, storedCost, salt, hash] = stored.split('$')
      if (scheme !== 'scrypt' || !storedCost || !salt || !hash) return false
      const expected = Buffer.from(hash, 'base64')
      const key = await derive(
        password,
        Buffer.from(salt, 'base64'),
        Number(storedCost),
        expected.length,
      )
      return timingSafeEqual(key, expected)
    },
  }
}
