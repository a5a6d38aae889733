import { createHash, randomBytes } from 'node:crypto'
import {
  AFTER_SUCCESS,
  afterFailure,
  DEFAULT_LOCKOUT_POLICY,
  isLocked,
  type LockoutPolicy,
  type LoginState,
} from './login-throttle.ts'
import type { PasswordHasher } from './password-hasher.ts'

export interface AccountRecord extends LoginState {
  id: string
  username: string
  passwordHash: string
  adminRole: string | null
}

/** What logging in needs from storage. */
export interface IdentityRepository {
  accountByUsername(username: string): Promise<AccountRecord | undefined>
  saveLoginState(accountId: string, state: LoginState): Promise<void>
  createSession(session: {
    id: string
    accountId: string
    csrfHash: string
    now: string
    expiresAt: string
  }): Promise<void>
  revokeSessions(accountId: string, now: string): Promise<number>
  sessionById(id: string): Promise<SessionRecord | undefined>
  touchSession(id: string, now: string): Promise<void>
  revokeSession(id: string, now: string): Promise<void>
}

export interface SessionRecord {
  id: string
  accountId: string
  username: string
  adminRole: string | null
  personId: string | null
  csrfHash: string
  lastSeenAt: string
  expiresAt: string
  revokedAt: string | null
}

export class LoginError extends Error {
  readonly code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED'
  readonly lockedUntil?: string
  constructor(code: LoginError['code'], message: string, lockedUntil?: string) {
    super(message)
    this.code = code
    this.lockedUntil = lockedUntil
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * Checks a password and opens a session. A wrong username and a wrong password get the same
 * answer; the fifth consecutive failure locks the account. Only hashes of the session and CSRF
 * tokens are stored; the tokens go to the caller once.
 */
export async function logIn(
  deps: {
    identity: IdentityRepository
    passwords: PasswordHasher
    now: () => Date
    lockout?: LockoutPolicy
    sessionHours?: number
  },
  input: { username: string; password: string },
): Promise<{
  token: string
  csrfToken: string
  accountId: string
  adminRole: string | null
  expiresAt: string
}> {
  const now = deps.now()
  const account = await deps.identity.accountByUsername(input.username)
  const wrong = new LoginError('INVALID_CREDENTIALS', '用户名或密码错误')
  if (!account) throw wrong
  if (isLocked(account, now)) {
    throw new LoginError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账户已锁定至 ${account.lockedUntil}`,
      account.lockedUntil ?? undefined,
    )
  }
  if (!(await deps.passwords.verify(input.password, account.passwordHash))) {
    const state = afterFailure(account, now, deps.lockout ?? DEFAULT_LOCKOUT_POLICY)
    await deps.identity.saveLoginState(account.id, state)
    if (state.lockedUntil) {
      throw new LoginError(
        'ACCOUNT_LOCKED',
        `登录失败次数过多，账户已锁定至 ${state.lockedUntil}`,
        state.lockedUntil,
      )
    }
    throw wrong
  }
  await deps.identity.saveLoginState(account.id, AFTER_SUCCESS)
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + (deps.sessionHours ?? 8) * 3_600_000).toISOString()
  await deps.identity.createSession({
    id: sha256(token),
    accountId: account.id,
    csrfHash: sha256(csrfToken),
    now: now.toISOString(),
    expiresAt,
  })
  return { token, csrfToken, accountId: account.id, adminRole: account.adminRole, expiresAt }
}

/** Ends every open session of the account ("logout everywhere"); returns how many. */
export function logOutEverywhere(
  deps: { identity: IdentityRepository; now: () => Date },
  accountId: string,
): Promise<number> {
  return deps.identity.revokeSessions(accountId, deps.now().toISOString())
}
