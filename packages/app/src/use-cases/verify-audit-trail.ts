import {
  type AuditCheckpoint,
  checkpointProblems,
  lastCheckpoints,
} from '../audit/audit-checkpoint.ts'
import type { AuditRepository } from '../audit/audit-repository.ts'
import { type ChainProblem, verifyAuditChain } from '../audit/verify-audit-chain.ts'

/**
 * How long a committed audit record may wait for the sealer before verification calls it a
 * problem (docs/decisions/0026). The server seals within milliseconds of each commit and polls
 * every second; a record older than this means no sealer is running, or it cannot continue the
 * chain.
 */
export const AUDIT_SEAL_BOUND_SECONDS = 60

export interface AuditTrailReport {
  jurisdictionId: string
  records: number
  problems: ChainProblem[]
  /** The sequence number of the chain's last signed checkpoint, when checkpoints were given. */
  checkpointedSeq?: number
  /** Records appended but not yet sealed into the chain (present only when there are any). */
  unsealed?: number
}

/**
 * Verifies every jurisdiction's audit chain (or one), reporting each break it finds. It seals
 * the records waiting for the sealer first (unless `seal: false`), then reports any still
 * waiting longer than the bound. With signed checkpoints (docs/decisions/0020), also what the
 * database alone cannot show: a tail deleted with the head rewound, a record forged with every
 * later hash recomputed, and a chain that vanished altogether.
 */
export async function verifyAuditTrail(options: {
  audit: AuditRepository
  jurisdictionId?: string
  checkpoints?: { list: readonly AuditCheckpoint[]; publicKey: string }
  /** Seal waiting records before verifying (default true). */
  seal?: boolean
  unsealedBoundSeconds?: number
}): Promise<AuditTrailReport[]> {
  const { audit, checkpoints } = options
  const bound = options.unsealedBoundSeconds ?? AUDIT_SEAL_BOUND_SECONDS
  if (options.seal !== false) await audit.seal(options.jurisdictionId)
  let ids = options.jurisdictionId ? [options.jurisdictionId] : await audit.chainJurisdictions()
  if (checkpoints && !options.jurisdictionId) {
    const known = new Set(ids)
    const vanished = [...new Set(checkpoints.list.map((c) => c.chain))].filter(
      (chain) => !known.has(chain),
    )
    ids = [...ids, ...vanished]
  }
  const waiting = new Map(
    (await audit.unsealed(options.jurisdictionId)).map((entry) => [entry.chain, entry]),
  )
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
    const unsealed = waiting.get(jurisdictionId)
    if (unsealed && unsealed.oldestSeconds > bound)
      problems.push({
        chainSeq: null,
        kind: 'unsealed',
        message: `有 ${unsealed.records} 条审计记录未封存入链，最早的已等待 ${Math.floor(unsealed.oldestSeconds)} 秒（上限 ${bound} 秒）：封存程序未运行，或记录无法接续链头`,
      })
    reports.push({
      jurisdictionId,
      records: records.length,
      problems,
      ...(last ? { checkpointedSeq: last.get(jurisdictionId)?.seq ?? 0 } : {}),
      ...(unsealed ? { unsealed: unsealed.records } : {}),
    })
  }
  return reports
}
