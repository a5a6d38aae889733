import type { Hasher } from '../audit/hasher.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { recordSessionAct } from './record-session-act.ts'

/** Ends every open session of the account ("logout everywhere"), audited; returns how many. */
export function logOutEverywhere(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
): Promise<number> {
  return deps.inTransaction(async (r) => {
    const revoked = await r.identity.revokeSessions(session.accountId, deps.now().toISOString())
    await recordSessionAct(r, deps, session, {
      action: 'session.logoutEverywhere',
      details: { revoked },
    })
    return revoked
  })
}
