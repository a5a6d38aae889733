import { createHash } from 'node:crypto'
import { sm3 } from 'sm-crypto-v2'

/** A hash function for the audit chain: SM3 (国密, the default) or SHA-256. */
export interface Hasher {
  algorithm: 'sm3' | 'sha256'
  hash(text: string): string
}

export const sm3Hasher: Hasher = { algorithm: 'sm3', hash: (text) => sm3(text) }

export const sha256Hasher: Hasher = {
  algorithm: 'sha256',
  hash: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
}

export function hasherFor(algorithm: Hasher['algorithm']): Hasher {
  return algorithm === 'sm3' ? sm3Hasher : sha256Hasher
}
