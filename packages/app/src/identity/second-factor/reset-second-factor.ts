import { assertAdminRole } from '../../access/policies.ts'
import type { Hasher } from '../../audit/hasher.ts'
import { recordAdminAct } from '../../admin/record-admin-act.ts'
import { NotFoundError, NotPermittedError } from '../../errors.ts'
import type { SessionRecord } from '../log-in.ts'
import type { InTransaction } from '../../unit-of-work.ts'

/**
 * The security admin removes an account's second factor and its recovery codes (a lost phone),
 * and ends its sessions. If the account must have one, it enrols again at its next sign-in.
 * Nobody resets their own.
 */
export async function resetSecondFactor(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  accountId: string,
): Promise<{ revokedSessions: number }> {
  assertAdminRole(session, 'securityAdmin')
  if (accountId === session.accountId)
    throw new NotPermittedError('OWN_SECOND_FACTOR', '不能重置自己的两步验证')
  return deps.inTransaction(async (r) => {
    const account = await r.secondFactor.accountById(accountId)
    if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', '没有这个账户')
    await r.secondFactor.removeFactor(account.id)
    const revokedSessions = await r.identity.revokeSessions(account.id, deps.now().toISOString())
    await recordAdminAct(r, deps, session, {
      jurisdictionId: account.personId
        ? ((await r.organisation.jurisdictionOf(account.personId)) ?? null)
        : null,
      action: 'account.secondFactorReset',
      subject: account.username,
      details: { revokedSessions },
    })
    return { revokedSessions }
  })
}
