import { lastCheckpoints, signCheckpoint, type AuditCheckpointStore } from './audit-checkpoint.ts'
import type { AuditRepository } from './audit-repository.ts'
import type { AuditSigner } from './audit-signer.ts'
import { verifyAuditChain, type ChainProblem } from './verify-audit-chain.ts'
import { checkpointProblems } from './audit-checkpoint.ts'

export interface SealReport {
  chain: string
  seq: number
  outcome: 'sealed' | 'unchanged' | 'refused'
  problems: ChainProblem[]
}

/**
 * Signs each chain's current head into the checkpoint store (periodically by the server, on
 * demand by `zhengling audit checkpoint`). A chain that does not verify against the records and
 * its earlier checkpoints is not sealed: a checkpoint must never vouch for a rewritten trail.
 * A head unchanged since the last checkpoint is not signed again. Records waiting for the record
 * sealer are sealed first (docs/decisions/0026), so the checkpoint covers every committed act.
 */
export async function sealAuditChains(deps: {
  audit: AuditRepository
  signer: AuditSigner
  store: AuditCheckpointStore
  now: () => Date
}): Promise<SealReport[]> {
  await deps.audit.seal()
  const existing = await deps.store.all()
  const last = lastCheckpoints(existing)
  const reports: SealReport[] = []
  for (const chain of await deps.audit.chainJurisdictions()) {
    const head = await deps.audit.head(chain)
    if (!head) continue
    const previous = last.get(chain)
    if (previous && previous.seq === head.lastSeq && previous.hash === head.lastHash) {
      reports.push({ chain, seq: head.lastSeq, outcome: 'unchanged', problems: [] })
      continue
    }
    const records = await deps.audit.records(chain)
    const problems = [
      ...verifyAuditChain(records, head),
      ...checkpointProblems(
        records,
        existing.filter((checkpoint) => checkpoint.chain === chain),
        deps.signer.publicKey,
      ),
    ]
    if (problems.length > 0) {
      reports.push({ chain, seq: head.lastSeq, outcome: 'refused', problems })
      continue
    }
    await deps.store.append(
      signCheckpoint(
        { chain, seq: head.lastSeq, hash: head.lastHash, at: deps.now().toISOString() },
        deps.signer,
      ),
    )
    reports.push({ chain, seq: head.lastSeq, outcome: 'sealed', problems: [] })
  }
  return reports
}
