import { createHash, randomInt } from 'node:crypto'

export const RECOVERY_CODE_COUNT = 10
// No 0/O, 1/I/L: read off paper and typed back.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** Ten one-time codes like `7KQ4-M2XP-9HTC` (about 74 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  )
}

/** How a code is typed back: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}

/** Stored as SHA-256 of the normalised code: random codes need no slow hash. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex')
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9A-Z]{15}$/.test(normaliseRecoveryCode(code))
}
