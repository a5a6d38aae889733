import { assertAdminRole } from '../access/policies.ts'
import type { Hasher } from '../audit/hasher.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import type { AccountSummary } from './account-admin-repository.ts'
import { recordAdminAct } from './record-admin-act.ts'

/** The security admin lifts a lockout before it runs out, and clears the failure count. */
export function unlockAccount(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  accountId: string,
): Promise<AccountSummary> {
  assertAdminRole(session, 'securityAdmin')
  return deps.inTransaction(async (r) => {
    const account = await r.accountAdmin.account(accountId)
    if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', '没有这个账户')
    await r.accountAdmin.unlock(account.id)
    await recordAdminAct(r, deps, session, {
      jurisdictionId: account.person?.jurisdictionId ?? null,
      action: 'account.unlock',
      subject: account.username,
      details: { failedCount: account.failedCount, lockedUntil: account.lockedUntil },
    })
    return { ...account, failedCount: 0, lockedUntil: null }
  })
}
