import type { Hasher } from '../audit/hasher.ts'
import { assertPasswordPolicy } from '../admin/create-account.ts'
import { InvalidInputError, NotFoundError } from '../errors.ts'
import { recordSessionAct } from '../session/record-session-act.ts'
import type { InTransaction } from '../unit-of-work.ts'
import type { SessionRecord } from './log-in.ts'
import type { PasswordHasher } from './password-hasher.ts'

/**
 * A signed-in person changes their own password: the current one, then a new one that meets the
 * policy (length, variety, not common, not the name) and is none of the last N (the security
 * admin's setting, counting the current one). Lifts a must-change; the account's other sessions end.
 */
export async function changePassword(
  deps: {
    inTransaction: InTransaction
    passwords: PasswordHasher
    hasher: Hasher
    now: () => Date
  },
  session: SessionRecord,
  input: { currentPassword: string; newPassword: string },
): Promise<{ revokedOtherSessions: number }> {
  const { state, settings, previous } = await deps.inTransaction(async (r) => {
    const state = await r.credentials.passwordState(session.accountId)
    const settings = await r.credentials.securitySettings()
    const previous = await r.credentials.previousPasswordHashes(
      session.accountId,
      Math.max(0, settings.passwordHistoryCount - 1),
    )
    return { state, settings, previous }
  })
  if (!state) throw new NotFoundError('ACCOUNT_NOT_FOUND', '没有这个账户')
  if (!(await deps.passwords.verify(input.currentPassword, state.passwordHash)))
    throw new InvalidInputError('CURRENT_PASSWORD_WRONG', '当前密码不正确', [
      { path: '/currentPassword', message: '当前密码不正确' },
    ])
  assertPasswordPolicy(input.newPassword, session.username)
  const recent = settings.passwordHistoryCount > 0 ? [state.passwordHash, ...previous] : []
  const reused = await Promise.all(
    recent.map((hash) => deps.passwords.verify(input.newPassword, hash)),
  )
  if (reused.includes(true)) {
    const message = `新密码不得与最近 ${settings.passwordHistoryCount} 次使用过的密码相同`
    throw new InvalidInputError('PASSWORD_REUSED', message, [{ path: '/newPassword', message }])
  }
  const passwordHash = await deps.passwords.hash(input.newPassword)
  const now = deps.now().toISOString()
  return deps.inTransaction(async (r) => {
    await r.credentials.replacePassword(session.accountId, {
      passwordHash,
      at: now,
      mustChange: false,
    })
    const others = (
      await r.credentials.openSessionsOldestFirst(session.accountId, {
        now,
        idleSince: '1970-01-01T00:00:00.000Z',
      })
    ).filter((id) => id !== session.id)
    for (const id of others) await r.identity.revokeSession(id, now)
    await recordSessionAct(r, deps, session, {
      action: 'account.changePassword',
      details: { revokedOtherSessions: others.length, wasRequired: state.mustChangePassword },
    })
    return { revokedOtherSessions: others.length }
  })
}
