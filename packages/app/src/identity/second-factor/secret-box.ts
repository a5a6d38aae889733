import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/** Seals a small secret for storage and opens it again; the key never reaches the database. */
export interface SecretBox {
  seal(plain: string, context: string): string
  open(sealed: string, context: string): string
}

export class SecretBoxError extends Error {}

/**
 * SM4-CTR with HMAC-SM3 over version, IV, context and ciphertext (encrypt-then-MAC), both from
 * Node's OpenSSL. The 32-byte key (64 hex digits) splits into a 16-byte SM4 key and a 16-byte
 * MAC key. `context` (the account id) binds a sealed secret to its row: copied to another
 * account it does not open. Stored as `sm4ctr-hmacsm3$iv$ciphertext$mac` (base64url).
 */
export function createSm4SecretBox(keyHex: string): SecretBox {
  if (!/^[0-9a-f]{64}$/i.test(keyHex))
    throw new SecretBoxError('第二因素密钥须为 64 位十六进制数（32 字节）')
  const key = Buffer.from(keyHex, 'hex')
  const encryptionKey = key.subarray(0, 16)
  const macKey = key.subarray(16)
  const PREFIX = 'sm4ctr-hmacsm3'
  const mac = (iv: Buffer, body: Buffer, context: string) =>
    createHmac('sm3', macKey)
      .update(PREFIX)
      .update(iv)
      .update(Buffer.from(context, 'utf8'))
      .update(body)
      .digest()
  return {
    seal(plain, context) {
      const iv = randomBytes(16)
      const cipher = createCipheriv('sm4-ctr', encryptionKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [PREFIX, iv, body, mac(iv, body, context)]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('$')
    },
    open(sealed, context) {
      const [prefix, ivText, bodyText, macText] = sealed.split('$')
      if (prefix !== PREFIX || !ivText || bodyText === undefined || !macText)
        throw new SecretBoxError('第二因素密文格式不正确')
      const iv = Buffer.from(ivText, 'base64url')
      const body = Buffer.from(bodyText, 'base64url')
      const expected = mac(iv, body, context)
      const given = Buffer.from(macText, 'base64url')
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new SecretBoxError('第二因素密文校验失败（密钥不符或数据被改动）')
      const decipher = createDecipheriv('sm4-ctr', encryptionKey, iv)
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
    },
  }
}
