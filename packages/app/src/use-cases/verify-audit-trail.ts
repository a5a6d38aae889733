import {
  type AuditCheckpoint,
  checkpointProblems,
  lastCheckpoints,
} from '../audit/audit-checkpoint.ts'
import type { AuditRepository } from '../audit/audit-repository.ts'
import { type ChainProblem, verifyAuditChain } from '../audit/verify-audit-chain.ts'

export interface AuditTrailReport {
  jurisdictionId: string
  records: number
  problems: ChainProblem[]
  /** The sequence number of the chain's last signed checkpoint, when checkpoints were given. */
  checkpointedSeq?: number
}

/**
 * Verifies every jurisdiction's audit chain (or one), reporting each break it finds. With
 * signed checkpoints (docs/decisions/0020), also what the database alone cannot show: a tail
 * deleted with the head rewound, a record forged with every later hash recomputed, and a
 * chain that vanished altogether.
 */
export async function verifyAuditTrail(options: {
  audit: AuditRepository
  jurisdictionId?: string
  checkpoints?: { list: readonly AuditCheckpoint[]; publicKey: string }
}): Promise<AuditTrailReport[]> {
  const { audit, checkpoints } = options
  let ids = options.jurisdictionId ? [options.jurisdictionId] : await audit.chainJurisdictions()
  if (checkpoints && !options.jurisdictionId) {
    const known = new Set(ids)
    const vanished = [...new Set(checkpoints.list.map((c) => c.chain))].filter(
      (chain) => !known.has(chain),
    )
    ids = [...ids, ...vanished]
  }
  const last = checkpoints ? lastCheckpoints(checkpoints.list) : undefined
  const reports: AuditTrailReport[] = []
  for (const jurisdictionId of ids) {
    const records = await audit.records(jurisdictionId)
    const head = await audit.head(jurisdictionId)
    const problems = verifyAuditChain(records, head)
    if (checkpoints) {
      const mine = checkpoints.list.filter((checkpoint) => checkpoint.chain === jurisdictionId)
      problems.push(...checkpointProblems(records, mine, checkpoints.publicKey))
    }
    reports.push({
      jurisdictionId,
      records: records.length,
      problems,
      ...(last ? { checkpointedSeq: last.get(jurisdictionId)?.seq ?? 0 } : {}),
    })
  }
  return reports
}
