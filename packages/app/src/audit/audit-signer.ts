import { sm2, sm3 } from 'sm-crypto-v2'

/** The signer's ID in SM2 signatures: the default of GM/T 0009 (SM2 usage specification). */
export const SM2_DEFAULT_USER_ID = '1234567812345678'

/**
 * Signs audit checkpoints and exports with a key the database does not hold (docs/decisions/
 * 0020). The private key stays inside; `publicKey` is what verifiers are given.
 */
export interface AuditSigner {
  algorithm: 'SM2'
  publicKey: string
  sign(text: string): string
}

/** An SM2 signer (SM3 digest with Z computed from the user ID, GM/T 0003 and 0009). */
export function createSm2Signer(privateKey: string, publicKey?: string): AuditSigner {
  const key = publicKey ?? sm2.getPublicKeyFromPrivateKey(privateKey)
  return {
    algorithm: 'SM2',
    publicKey: key,
    sign: (text) =>
      sm2.doSignature(text, privateKey, {
        hash: true,
        der: true,
        publicKey: key,
        userId: SM2_DEFAULT_USER_ID,
      }),
  }
}

/** Whether `signature` is the SM2 signature of `text` by the holder of `publicKey`. */
export function verifySm2Signature(text: string, signature: string, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(text, signature, publicKey, {
      hash: true,
      der: true,
      userId: SM2_DEFAULT_USER_ID,
    })
  } catch {
    return false
  }
}

/** A new SM2 key pair, hex (the public key uncompressed, 04…). */
export function generateSm2KeyPair(): { privateKey: string; publicKey: string } {
  return sm2.generateKeyPairHex()
}

/** A short name for a public key: the first 16 hex digits of its SM3 digest. */
export function keyFingerprint(publicKey: string): string {
  return sm3(publicKey.toLowerCase()).slice(0, 16)
}
