import { DEPLOYMENT_CHAIN } from '../audit/audit-chain.ts'
import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import { NotFoundError } from '../errors.ts'
import type { PasswordHasher } from '../identity/password-hasher.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { assertPasswordPolicy } from './create-account.ts'

/**
 * The server's operator resets a password from the console: the only way for an administrator
 * account, since no administrator may reset another's from the web (三员分立). Ends the account's
 * sessions and lifts any lockout; audited on the deployment chain.
 */
export async function resetPasswordFromConsole(
  deps: {
    inTransaction: InTransaction
    passwords: PasswordHasher
    hasher: Hasher
    now: () => Date
  },
  input: { username: string; password: string },
): Promise<{ revokedSessions: number }> {
  assertPasswordPolicy(input.password, input.username)
  const passwordHash = await deps.passwords.hash(input.password)
  return deps.inTransaction(async (r) => {
    const account = (await r.accountAdmin.accounts()).find((a) => a.username === input.username)
    if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', `没有这个账户：${input.username}`)
    await r.accountAdmin.setPasswordHash(account.id, passwordHash)
    await r.accountAdmin.unlock(account.id)
    const revokedSessions = await r.identity.revokeSessions(account.id, deps.now().toISOString())
    await r.audit.append(
      auditEntry({
        jurisdictionId: DEPLOYMENT_CHAIN,
        occurredAt: deps.now().toISOString(),
        action: 'account.resetPasswordFromConsole',
        subject: input.username,
        details: { revokedSessions, via: 'cli' },
      }),
      deps.hasher,
    )
    return { revokedSessions }
  })
}
