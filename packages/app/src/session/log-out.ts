import type { Hasher } from '../audit/hasher.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { recordSessionAct } from './record-session-act.ts'

/** Ends this session, audited. */
export function logOut(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
): Promise<void> {
  return deps.inTransaction(async (r) => {
    await r.identity.revokeSession(session.id, deps.now().toISOString())
    await recordSessionAct(r, deps, session, { action: 'session.logout' })
  })
}
