import { type ChainedAuditRecord, GENESIS_HASH, auditRecordHash } from './audit-record.ts'
import { hasherFor } from './hasher.ts'

export interface ChainProblem {
  chainSeq: number | null
  kind: 'edited' | 'missing' | 'reordered' | 'headMismatch' | 'checkpoint' | 'unsealed'
  message: string
}

/**
 * Checks one jurisdiction's chain, records in `chain_seq` order, against its stored head.
 * An edit breaks the record's own hash; a deletion leaves a gap in the sequence (or a head that
 * points past the end); a reordering breaks the link to the previous hash.
 */
export function verifyAuditChain(
  records: readonly ChainedAuditRecord[],
  head: { lastSeq: number; lastHash: string } | undefined,
): ChainProblem[] {
  const problems: ChainProblem[] = []
  let expectedSeq = 1
  let previousHash = GENESIS_HASH
  for (const record of records) {
    if (record.chainSeq !== expectedSeq) {
      problems.push({
        chainSeq: record.chainSeq,
        kind: 'missing',
        message: `第 ${expectedSeq} 至 ${record.chainSeq - 1} 条审计记录缺失`,
      })
    }
    const recomputed = auditRecordHash(
      record,
      record.chainSeq,
      record.prevHash,
      hasherFor(record.algorithm),
    )
    if (recomputed !== record.hash) {
      problems.push({
        chainSeq: record.chainSeq,
        kind: 'edited',
        message: `第 ${record.chainSeq} 条审计记录的内容被改动`,
      })
    } else if (record.prevHash !== previousHash && record.chainSeq === expectedSeq) {
      problems.push({
        chainSeq: record.chainSeq,
        kind: 'reordered',
        message: `第 ${record.chainSeq} 条审计记录与前一条不相衔接（顺序被改动）`,
      })
    }
    expectedSeq = record.chainSeq + 1
    previousHash = record.hash
  }
  const lastSeq = records.at(-1)?.chainSeq ?? 0
  if (
    head &&
    (head.lastSeq !== lastSeq || head.lastHash !== (records.at(-1)?.hash ?? GENESIS_HASH))
  ) {
    problems.push({
      chainSeq: null,
      kind: 'headMismatch',
      message: `链头记录为第 ${head.lastSeq} 条，实存最后一条为第 ${lastSeq} 条：末尾记录被删除或改动`,
    })
  }
  return problems
}
