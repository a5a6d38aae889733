import { assertAdminRole } from '../access/policies.ts'
import type { Hasher } from '../audit/hasher.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { PasswordHasher } from '../identity/password-hasher.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { assertPasswordPolicy } from './create-account.ts'
import { recordAdminAct } from './record-admin-act.ts'

/**
 * The system admin sets a new password; every open session of the account ends with it, and the
 * person must change it at their next sign-in.
 */
export async function resetPassword(
  deps: {
    inTransaction: InTransaction
    passwords: PasswordHasher
    hasher: Hasher
    now: () => Date
  },
  session: SessionRecord,
  input: { accountId: string; password: string },
): Promise<{ revokedSessions: number }> {
  assertAdminRole(session, 'systemAdmin')
  const account = await deps.inTransaction((r) => r.accountAdmin.account(input.accountId))
  if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', '没有这个账户')
  // 三员分立: no administrator may take over another's account from the web.
  if (account.adminRole)
    throw new NotPermittedError(
      'ADMIN_ACCOUNT_PROTECTED',
      '管理员账户的密码只能在服务器控制台重置（zhengling admin reset-password）',
    )
  assertPasswordPolicy(input.password, account.username)
  const passwordHash = await deps.passwords.hash(input.password)
  return deps.inTransaction(async (r) => {
    // The person chooses their own at the next sign-in (ADR 0021).
    await r.credentials.replacePassword(account.id, {
      passwordHash,
      at: deps.now().toISOString(),
      mustChange: true,
    })
    const revokedSessions = await r.identity.revokeSessions(account.id, deps.now().toISOString())
    await recordAdminAct(r, deps, session, {
      jurisdictionId: account.person?.jurisdictionId ?? null,
      action: 'account.resetPassword',
      subject: account.username,
      details: { revokedSessions },
    })
    return { revokedSessions }
  })
}
