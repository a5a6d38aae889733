import { assertAuditAdmin } from '../access/policies.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { verifyAuditTrail } from '../use-cases/verify-audit-trail.ts'
import type { Repositories } from '../unit-of-work.ts'
import { DEPLOYMENT_CHAIN } from './audit-chain.ts'
import type { ChainedAuditRecord } from './audit-record.ts'
import type { ChainProblem } from './verify-audit-chain.ts'

type Deps = Pick<Repositories, 'audit' | 'organisation'>

/** Every audit chain with its jurisdiction's name, for the audit admin. */
export async function listAuditChains(deps: Deps, session: SessionRecord) {
  assertAuditAdmin(session)
  // The admin sees every committed act: records waiting for the sealer are sealed first.
  await deps.audit.seal()
  const chains = await deps.audit.chainSummaries()
  const names = new Map(
    (await deps.organisation.jurisdictions()).map((jurisdiction) => [
      jurisdiction.id,
      jurisdiction.name,
    ]),
  )
  return chains.map((chain) => ({
    ...chain,
    name:
      chain.chain === DEPLOYMENT_CHAIN
        ? '部署级（管理员及未知账户）'
        : (names.get(chain.chain) ?? chain.chain),
  }))
}

/**
 * Acts with no person behind them: an administrator's (named in the details), or an account's
 * own sign-in acts, where the subject is the account.
 */
function accountActor(record: ChainedAuditRecord): string | null {
  const admin = record.details.admin
  if (typeof admin === 'string') return admin
  return record.action.startsWith('session.') ? record.subject : null
}

/** One page of a chain, newest first, for the audit admin. */
export async function listAuditRecords(
  deps: Deps,
  session: SessionRecord,
  query: { chain: string; limit: number; beforeSeq?: number },
): Promise<{
  records: (ChainedAuditRecord & { actor: string | null })[]
  nextBeforeSeq: number | null
}> {
  assertAuditAdmin(session)
  if (query.beforeSeq === undefined) await deps.audit.seal(query.chain)
  const page = await deps.audit.recordsPage(query.chain, query)
  const last = page.at(-1)?.record.chainSeq
  return {
    records: page.map(({ record, actor }) => ({ ...record, actor: actor ?? accountActor(record) })),
    nextBeforeSeq: page.length === query.limit && last !== undefined && last > 1 ? last : null,
  }
}

/** Recomputes one chain and reports every break, for the audit admin. */
export async function verifyAuditChainOf(
  deps: Deps,
  session: SessionRecord,
  chain: string,
): Promise<{ chain: string; records: number; intact: boolean; problems: ChainProblem[] }> {
  assertAuditAdmin(session)
  const [report] = await verifyAuditTrail({ audit: deps.audit, jurisdictionId: chain })
  const problems = report?.problems ?? []
  return { chain, records: report?.records ?? 0, intact: problems.length === 0, problems }
}
