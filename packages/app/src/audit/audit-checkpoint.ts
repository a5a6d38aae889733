import { canonicalJson, type ChainedAuditRecord } from './audit-record.ts'
import { type AuditSigner, keyFingerprint, verifySm2Signature } from './audit-signer.ts'
import type { ChainProblem } from './verify-audit-chain.ts'

/**
 * A signed statement that a chain's head was record `seq` with hash `hash` at time `at`, kept
 * outside the database (an append-only file of JSON lines). Whoever rewrites the database later
 * (deleting the tail and rewinding the head, or forging a record and recomputing every hash after
 * it) cannot produce a checkpoint the signer did not sign.
 */
export interface AuditCheckpoint {
  chain: string
  seq: number
  hash: string
  at: string
  /** The signing key's fingerprint (keyFingerprint), so a rotated key is recognised. */
  key: string
  signature: string
}

/** Where checkpoints are kept: appended, never rewritten; the CLI and server give a file. */
export interface AuditCheckpointStore {
  append(checkpoint: AuditCheckpoint): Promise<void>
  /** Every checkpoint in the order written; a line that is not one is returned unsigned. */
  all(): Promise<AuditCheckpoint[]>
}

/** The text an SM2 signature covers: every field but the signature, as canonical JSON. */
export function checkpointText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  const { chain, seq, hash, at, key } = checkpoint
  return canonicalJson({ kind: 'zhengling-audit-checkpoint', chain, seq, hash, at, key })
}

export function signCheckpoint(
  head: { chain: string; seq: number; hash: string; at: string },
  signer: AuditSigner,
): AuditCheckpoint {
  const unsigned = { ...head, key: keyFingerprint(signer.publicKey) }
  return { ...unsigned, signature: signer.sign(checkpointText(unsigned)) }
}

/**
 * What the checkpoints say is wrong with one chain's records (in chain_seq order): a
 * checkpoint whose signature fails (forged or damaged), a checkpointed record that is gone (the
 * tail deleted, the head rewound) or whose hash differs (a record forged and the hashes after it
 * recomputed).
 */
export function checkpointProblems(
  records: readonly ChainedAuditRecord[],
  checkpoints: readonly AuditCheckpoint[],
  publicKey: string,
): ChainProblem[] {
  const problems: ChainProblem[] = []
  const bySeq = new Map(records.map((record) => [record.chainSeq, record]))
  for (const checkpoint of checkpoints) {
    if (!verifySm2Signature(checkpointText(checkpoint), checkpoint.signature, publicKey)) {
      problems.push({
        chainSeq: Number.isInteger(checkpoint.seq) ? checkpoint.seq : null,
        kind: 'checkpoint',
        message: `${checkpoint.at || '某时'}的签名检查点（第 ${checkpoint.seq} 条）签名无效：检查点被伪造或改动，或不是用本部署的密钥签署`,
      })
      continue
    }
    const record = bySeq.get(checkpoint.seq)
    if (!record) {
      problems.push({
        chainSeq: checkpoint.seq,
        kind: 'checkpoint',
        message: `签名检查点（${checkpoint.at}）记载链至第 ${checkpoint.seq} 条，该条审计记录已不存在：末尾记录被删除、链头被回退`,
      })
    } else if (record.hash !== checkpoint.hash) {
      problems.push({
        chainSeq: checkpoint.seq,
        kind: 'checkpoint',
        message: `第 ${checkpoint.seq} 条审计记录的哈希与签名检查点（${checkpoint.at}）不符：记录被伪造并重算了哈希`,
      })
    }
  }
  return problems
}

/** The last checkpoint of each chain, by chain id (checkpoints in the order written). */
export function lastCheckpoints(
  checkpoints: readonly AuditCheckpoint[],
): Map<string, AuditCheckpoint> {
  const last = new Map<string, AuditCheckpoint>()
  for (const checkpoint of checkpoints) {
    const previous = last.get(checkpoint.chain)
    if (!previous || checkpoint.seq >= previous.seq) last.set(checkpoint.chain, checkpoint)
  }
  return last
}
