import { createHash, createHmac, randomBytes } from 'node:crypto'
import {
  AFTER_SUCCESS,
  afterFailure,
  type ClientLimitPolicy,
  DEFAULT_LOCKOUT_POLICY,
  isLocked,
  type LockoutPolicy,
  type LoginState,
} from './login-throttle.ts'
import type { PasswordHasher } from './password-hasher.ts'
import {
  afterSessionOpened,
  countClientFailure,
  refuseUnknownName,
  refuseWhileClientLimited,
} from './login-limits.ts'
import { formatShanghai, shanghaiDateOf } from '@zhengling/rules'
import type { ActorFacts } from '../access/actor-facts.ts'
import { type AuditEntry, auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import { chainOfAccount } from '../session/chain-of-account.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'

export interface AccountRecord extends LoginState {
  id: string
  username: string
  passwordHash: string
  adminRole: string | null
  personId: string | null
}

/** What logging in needs from storage. */
export interface IdentityRepository {
  accountByUsername(username: string): Promise<AccountRecord | undefined>
  saveLoginState(accountId: string, state: LoginState): Promise<void>
  createSession(session: {
    id: string
    accountId: string
    csrfHash: string
    currentPostId: string | null
    now: string
    expiresAt: string
  }): Promise<void>
  revokeSessions(accountId: string, now: string): Promise<number>
  /**
   * The session by its token's hash; given a date, with its person's facts on that date read in
   * the same statement (`SessionRecord.actorFacts`).
   */
  sessionById(id: string, on?: string): Promise<SessionRecord | undefined>
  touchSession(id: string, now: string): Promise<void>
  revokeSession(id: string, now: string): Promise<void>
  setCurrentPost(id: string, postId: string): Promise<void>
}

export interface SessionRecord {
  id: string
  accountId: string
  username: string
  adminRole: string | null
  personId: string | null
  csrfHash: string
  /** Derived from the cookie's token by `authenticateSession`; never read from storage. */
  csrfToken: string | null
  currentPostId: string | null
  /** Set by an admin's reset or an expired password: only changing it is allowed. */
  mustChangePassword?: boolean
  lastSeenAt: string
  expiresAt: string
  revokedAt: string | null
  /** The person's access facts, when the session was read for a date (once per request). */
  actorFacts?: ActorFacts
}

export class LoginError extends Error {
  readonly code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'TOO_MANY_ATTEMPTS'
  readonly lockedUntil?: string
  constructor(code: LoginError['code'], message: string, lockedUntil?: string) {
    super(message)
    this.code = code
    this.lockedUntil = lockedUntil
  }
}

/** 北京时间, to the minute: what a person at the counter reads. */
function lockedUntilText(lockedUntil: string | null): string {
  if (!lockedUntil) return ''
  return `北京时间 ${formatShanghai(Date.parse(lockedUntil)).slice(0, 16).replace('T', ' ')}`
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * A session's CSRF token: an HMAC keyed with the session token, so the server can answer it
 * again (a page reload asks GET /api/session) while storing only its hash (ADR 0005, ADR 0024).
 * Whoever can compute it already holds the session cookie, which is what the token guards.
 */
export const csrfTokenOf = (sessionToken: string) =>
  createHmac('sha256', sessionToken).update('zhengling csrf token').digest('base64url')

/**
 * Checks a password and opens a session acting in the person's first post of the day. A wrong
 * username and a wrong password get the same answer; the fifth consecutive failure locks the
 * account. Every attempt, failed or not, is audited. Only hashes of the session and CSRF tokens
 * are stored; the CSRF token is derived from the session token (`csrfTokenOf`).
 */
export interface LogInDeps {
  inTransaction: InTransaction
  passwords: PasswordHasher
  now: () => Date
  hasher: Hasher
  lockout?: LockoutPolicy
  sessionHours?: number
  /** The request's address: failures from it are counted and limited (login-limits.ts). */
  clientAddress?: string
  clientLimit?: ClientLimitPolicy
  /**
   * After the password, before any session: a second step the account must take (a TOTP code,
   * or enrolling one first), or null. Answering one leaves the account's failure count as it is.
   */
  secondStep?: (account: AccountRecord, now: Date) => Promise<PendingLogin | null>
}

export interface OpenedSession {
  token: string
  csrfToken: string
  accountId: string
  adminRole: string | null
  expiresAt: string
}

/** A correct password that still needs a second step: no session yet, only a challenge token. */
export interface PendingLogin {
  secondFactor: 'verify' | 'enrol'
  challenge: string
  expiresAt: string
}

export async function logIn(
  deps: LogInDeps & { secondStep?: undefined },
  input: { username: string; password: string },
): Promise<OpenedSession>
export async function logIn(
  deps: LogInDeps,
  input: { username: string; password: string },
): Promise<OpenedSession | PendingLogin>
export async function logIn(
  deps: LogInDeps,
  input: { username: string; password: string },
): Promise<OpenedSession | PendingLogin> {
  const now = deps.now()
  const occurredAt = now.toISOString()
  type Fields = Pick<AuditEntry, 'action'> & Partial<AuditEntry>
  const record = (repositories: Repositories, chain: string, fields: Fields) =>
    repositories.audit.append(
      auditEntry({ jurisdictionId: chain, occurredAt, subject: input.username, ...fields }),
      deps.hasher,
    )
  await refuseWhileClientLimited(deps, deps.clientAddress, input.username, now)
  const account = await deps.inTransaction((r) => r.identity.accountByUsername(input.username))
  const wrong = new LoginError('INVALID_CREDENTIALS', '用户名或密码错误')
  if (!account) return refuseUnknownName(deps, { ...input, clientAddress: deps.clientAddress }, now)
  const attempt = (r: Repositories, fields: Fields) =>
    chainOfAccount(r.organisation, account.personId).then((chain) =>
      record(r, chain, { actorPersonId: account.personId, ...fields }),
    )
  if (isLocked(account, now)) {
    await deps.inTransaction((r) =>
      attempt(r, { action: 'session.loginRefused', details: { lockedUntil: account.lockedUntil } }),
    )
    throw new LoginError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账户已锁定至 ${lockedUntilText(account.lockedUntil)}`,
      account.lockedUntil ?? undefined,
    )
  }
  // Verified outside any transaction: scrypt takes tens of milliseconds and must not hold a connection.
  if (!(await deps.passwords.verify(input.password, account.passwordHash))) {
    const state = afterFailure(account, now, deps.lockout ?? DEFAULT_LOCKOUT_POLICY)
    await deps.inTransaction(async (r) => {
      await r.identity.saveLoginState(account.id, state)
      await countClientFailure(r, deps.clientAddress, now, deps.clientLimit)
      await attempt(r, {
        action: 'session.loginFailed',
        details: {
          reason: 'wrongPassword',
          failedCount: state.failedCount,
          lockedUntil: state.lockedUntil,
        },
      })
    })
    if (state.lockedUntil) {
      throw new LoginError(
        'ACCOUNT_LOCKED',
        `登录失败次数过多，账户已锁定至 ${lockedUntilText(state.lockedUntil)}`,
        state.lockedUntil,
      )
    }
    throw wrong
  }
  const pending = deps.secondStep ? await deps.secondStep(account, now) : null
  if (pending) return pending
  return openSession(deps, account, now)
}

/**
 * Opens a session for an account whose credentials are proven (the password, and the second
 * factor when it has one), acting in the person's first post of the day; audited as the login.
 */
export async function openSession(
  deps: Pick<LogInDeps, 'inTransaction' | 'hasher' | 'sessionHours'>,
  account: AccountRecord,
  now: Date,
  details: Record<string, unknown> = {},
): Promise<OpenedSession> {
  const occurredAt = now.toISOString()
  const attempt = (r: Repositories, fields: Pick<AuditEntry, 'action'> & Partial<AuditEntry>) =>
    chainOfAccount(r.organisation, account.personId).then((chain) =>
      r.audit.append(
        auditEntry({
          jurisdictionId: chain,
          occurredAt,
          subject: account.username,
          actorPersonId: account.personId,
          ...fields,
        }),
        deps.hasher,
      ),
    )
  const token = randomBytes(32).toString('base64url')
  const csrfToken = csrfTokenOf(token)
  const expiresAt = new Date(now.getTime() + (deps.sessionHours ?? 8) * 3_600_000).toISOString()
  await deps.inTransaction(async (r) => {
    const posts = account.personId
      ? await r.organisation.heldPosts(account.personId, shanghaiDateOf(now.getTime()))
      : []
    const currentPostId = posts.find((post) => post.actingFor === null)?.postId ?? null
    await r.identity.saveLoginState(account.id, AFTER_SUCCESS)
    await r.identity.createSession({
      id: sha256(token),
      accountId: account.id,
      csrfHash: sha256(csrfToken),
      currentPostId,
      now: occurredAt,
      expiresAt,
    })
    const limits = await afterSessionOpened(r, account.id, now)
    await attempt(r, {
      action: 'session.login',
      actorPostId: currentPostId,
      details: { expiresAt, ...details, ...limits },
    })
    if (limits.revokedOverLimit)
      await attempt(r, {
        action: 'session.revokedOverLimit',
        details: { revoked: limits.revokedOverLimit },
      })
  })
  return { token, csrfToken, accountId: account.id, adminRole: account.adminRole, expiresAt }
}
