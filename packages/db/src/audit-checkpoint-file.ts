import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  type AuditCheckpoint,
  type AuditCheckpointStore,
  createSm2Signer,
  generateSm2KeyPair,
} from '@zhengling/app'
import type { AuditSigner } from '@zhengling/app'

/**
 * Signed checkpoints in a file of JSON lines outside the database, only ever appended to (one
 * `write` with O_APPEND per checkpoint). Put it where the database's administrators cannot
 * rewrite it: another host, a WORM volume, or a file shipped to the log server
 * (docs/decisions/0020). A line that does not parse comes back as an unsigned checkpoint, so
 * verification reports it instead of skipping it.
 */
export function createCheckpointFile(path: string): AuditCheckpointStore {
  return {
    async append(checkpoint) {
      mkdirSync(dirname(path), { recursive: true })
      appendFileSync(path, `${JSON.stringify(checkpoint)}\n`, { encoding: 'utf8', mode: 0o644 })
    },
    async all() {
      if (!existsSync(path)) return []
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line): AuditCheckpoint => {
          try {
            const value = JSON.parse(line) as Partial<AuditCheckpoint>
            return {
              chain: String(value.chain ?? ''),
              seq: Number(value.seq),
              hash: String(value.hash ?? ''),
              at: String(value.at ?? ''),
              key: String(value.key ?? ''),
              signature: String(value.signature ?? ''),
            }
          } catch {
            return { chain: '', seq: Number.NaN, hash: '', at: '', key: '', signature: '' }
          }
        })
    },
  }
}

/**
 * The audit key settings: ZHENGLING_AUDIT_KEY, the private key file (hex, made by `zhengling
 * audit keygen`); ZHENGLING_AUDIT_PUBLIC_KEY, the public key file verifiers use (default: the key
 * file's name plus `.pub`); ZHENGLING_AUDIT_CHECKPOINTS, the checkpoint file (default
 * `.data/audit-checkpoints.jsonl`); ZHENGLING_AUDIT_CHECKPOINT_MINUTES, how often the server
 * seals (default 10).
 */
export function auditKeyConfig(env: NodeJS.ProcessEnv = process.env): {
  keyFile?: string
  publicKeyFile?: string
  checkpointFile: string
  intervalMinutes: number
} {
  const keyFile = env.ZHENGLING_AUDIT_KEY || undefined
  const minutes = Number(env.ZHENGLING_AUDIT_CHECKPOINT_MINUTES ?? 10)
  return {
    keyFile,
    publicKeyFile: env.ZHENGLING_AUDIT_PUBLIC_KEY || (keyFile ? `${keyFile}.pub` : undefined),
    checkpointFile: env.ZHENGLING_AUDIT_CHECKPOINTS || '.data/audit-checkpoints.jsonl',
    intervalMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 10,
  }
}

/** The signer from the key file, or undefined when no key is configured. */
export function loadAuditSigner(env: NodeJS.ProcessEnv = process.env): AuditSigner | undefined {
  const { keyFile, publicKeyFile } = auditKeyConfig(env)
  if (!keyFile) return undefined
  const privateKey = readFileSync(keyFile, 'utf8').trim()
  const publicKey =
    publicKeyFile && existsSync(publicKeyFile)
      ? readFileSync(publicKeyFile, 'utf8').trim()
      : undefined
  return createSm2Signer(privateKey, publicKey)
}

/** The verifier's public key, from ZHENGLING_AUDIT_PUBLIC_KEY (or beside the key file). */
export function loadAuditPublicKey(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { publicKeyFile } = auditKeyConfig(env)
  return publicKeyFile && existsSync(publicKeyFile)
    ? readFileSync(publicKeyFile, 'utf8').trim()
    : undefined
}

/**
 * The demo's audit key (`npm start` without ZHENGLING_AUDIT_KEY): made once in `path` (mode
 * 0600, the public key beside it), so the demo signs checkpoints and exports. A real deployment
 * makes its key with `zhengling audit keygen` and keeps it away from the database host's admins.
 */
export function ensureAuditKeyFile(path: string): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true })
    const { privateKey, publicKey } = generateSm2KeyPair()
    writeFileSync(path, `${privateKey}\n`, { mode: 0o600, flag: 'wx' })
    writeFileSync(`${path}.pub`, `${publicKey}\n`, { mode: 0o644 })
  }
  return path
}
