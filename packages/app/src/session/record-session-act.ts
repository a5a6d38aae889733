import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { chainOfAccount } from './chain-of-account.ts'

/** Appends an act done by a signed-in account, in the post it is acting in, to the right chain. */
export async function recordSessionAct(
  repositories: Repositories,
  deps: { hasher: Hasher; now: () => Date },
  session: SessionRecord,
  act: { action: string; details?: Record<string, unknown>; actorPostId?: string | null },
) {
  return repositories.audit.append(
    auditEntry({
      jurisdictionId: await chainOfAccount(repositories.organisation, session.personId),
      occurredAt: deps.now().toISOString(),
      actorPersonId: session.personId,
      actorPostId: act.actorPostId === undefined ? session.currentPostId : act.actorPostId,
      action: act.action,
      subject: session.username,
      details: act.details ?? {},
    }),
    deps.hasher,
  )
}
