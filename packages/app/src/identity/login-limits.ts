import { randomBytes } from 'node:crypto'
import { formatShanghai } from '@zhengling/rules'
import { DEPLOYMENT_CHAIN } from '../audit/audit-chain.ts'
import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'
import {
  afterClientFailure,
  afterFailure,
  type ClientLimitPolicy,
  DEFAULT_LOCKOUT_POLICY,
  isLocked,
  type LockoutPolicy,
} from './login-throttle.ts'
import { LoginError } from './log-in.ts'
import type { PasswordHasher } from './password-hasher.ts'
import { passwordExpired } from './security-settings.ts'

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>()

/**
 * A hash of a random password made by the same hasher (so at the same cost), made once: a name
 * without an account is checked against it, so it costs what a wrong password for a real user does.
 */
export function dummyPasswordHash(passwords: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(passwords)
  if (!hash) {
    hash = passwords.hash(randomBytes(24).toString('base64'))
    dummyHashes.set(passwords, hash)
  }
  return hash
}

/** How long an unused session still counts as open (the idle timeout of authenticateSession). */
const IDLE_MINUTES = 30

export const clientKey = (address: string) => `client:${address}`
export const unknownNameKey = (username: string) => `username:${username}`

/** 北京时间, to the minute. */
function until(lockedUntil: string): string {
  return `北京时间 ${formatShanghai(Date.parse(lockedUntil)).slice(0, 16).replace('T', ' ')}`
}

export function accountLocked(lockedUntil: string): LoginError {
  return new LoginError(
    'ACCOUNT_LOCKED',
    `登录失败次数过多，账户已锁定至 ${until(lockedUntil)}`,
    lockedUntil,
  )
}

function audit(
  r: Repositories,
  hasher: Hasher,
  now: Date,
  subject: string,
  action: string,
  details: Record<string, unknown>,
) {
  return r.audit.append(
    auditEntry({
      jurisdictionId: DEPLOYMENT_CHAIN,
      occurredAt: now.toISOString(),
      subject,
      action,
      details,
    }),
    hasher,
  )
}

/**
 * Refuses every attempt, right or wrong, from an address that failed too often: a correct
 * password must not shine through a pause, or the pause would only slow the wrong guesses.
 */
export async function refuseWhileClientLimited(
  deps: { inTransaction: InTransaction; hasher: Hasher },
  clientAddress: string | undefined,
  username: string,
  now: Date,
): Promise<void> {
  if (!clientAddress) return
  const state = await deps.inTransaction((r) => r.credentials.throttle(clientKey(clientAddress)))
  if (!state?.lockedUntil || !isLocked(state, now)) return
  await deps.inTransaction((r) =>
    audit(r, deps.hasher, now, username, 'session.loginRefused', {
      reason: 'clientLimited',
      clientAddress,
      lockedUntil: state.lockedUntil,
    }),
  )
  throw new LoginError(
    'TOO_MANY_ATTEMPTS',
    `此地址登录失败次数过多，请于 ${until(state.lockedUntil)} 后再试`,
    state.lockedUntil,
  )
}

/** Counts a failure against the client address, in the failure's transaction. */
export async function countClientFailure(
  r: Repositories,
  clientAddress: string | undefined,
  now: Date,
  policy?: ClientLimitPolicy,
): Promise<void> {
  if (!clientAddress) return
  const key = clientKey(clientAddress)
  const state = afterClientFailure(await r.credentials.throttle(key), now, policy)
  await r.credentials.saveThrottle(key, state, now.toISOString())
}

/**
 * A name without an account is answered as a real one would be: its password is checked against a
 * dummy hash (the same work), its failures are counted under the name, and the fifth locks it.
 */
export async function refuseUnknownName(
  deps: {
    inTransaction: InTransaction
    hasher: Hasher
    passwords: PasswordHasher
    lockout?: LockoutPolicy
    clientLimit?: ClientLimitPolicy
  },
  input: { username: string; password: string; clientAddress?: string },
  now: Date,
): Promise<never> {
  const key = unknownNameKey(input.username)
  const previous = await deps.inTransaction((r) => r.credentials.throttle(key))
  if (previous?.lockedUntil && isLocked(previous, now)) {
    await deps.inTransaction((r) =>
      audit(r, deps.hasher, now, input.username, 'session.loginRefused', {
        reason: 'unknownAccount',
        lockedUntil: previous.lockedUntil,
      }),
    )
    throw accountLocked(previous.lockedUntil)
  }
  await deps.passwords.verify(input.password, await dummyPasswordHash(deps.passwords))
  const state = afterFailure(
    previous ?? { failedCount: 0, lockedUntil: null },
    now,
    deps.lockout ?? DEFAULT_LOCKOUT_POLICY,
  )
  await deps.inTransaction(async (r) => {
    await r.credentials.saveThrottle(
      key,
      { ...state, windowStartedAt: previous?.windowStartedAt ?? now.toISOString() },
      now.toISOString(),
    )
    await countClientFailure(r, input.clientAddress, now, deps.clientLimit)
    await audit(r, deps.hasher, now, input.username, 'session.loginFailed', {
      reason: 'unknownAccount',
      failedCount: state.failedCount,
      lockedUntil: state.lockedUntil,
    })
  })
  if (state.lockedUntil) throw accountLocked(state.lockedUntil)
  throw new LoginError('INVALID_CREDENTIALS', '用户名或密码错误')
}

/**
 * In the transaction that opens a session: a password past the security admin's expiry must be
 * changed before anything else, and sessions beyond the account's limit end, oldest first.
 * Answers what happened, for the login's audit record.
 */
export async function afterSessionOpened(
  r: Repositories,
  accountId: string,
  now: Date,
): Promise<{ passwordExpired?: true; mustChangePassword?: true; revokedOverLimit?: number }> {
  const settings = await r.credentials.securitySettings()
  const password = await r.credentials.passwordState(accountId)
  const outcome: { passwordExpired?: true; mustChangePassword?: true; revokedOverLimit?: number } =
    {}
  if (password && passwordExpired(password.passwordChangedAt, now, settings.passwordExpiryDays)) {
    if (!password.mustChangePassword) await r.credentials.requirePasswordChange(accountId)
    outcome.passwordExpired = true
  }
  if (password?.mustChangePassword || outcome.passwordExpired) outcome.mustChangePassword = true
  const open = await r.credentials.openSessionsOldestFirst(accountId, {
    now: now.toISOString(),
    idleSince: new Date(now.getTime() - IDLE_MINUTES * 60_000).toISOString(),
  })
  const over = open.slice(0, Math.max(0, open.length - settings.maxSessionsPerAccount))
  for (const id of over) await r.identity.revokeSession(id, now.toISOString())
  if (over.length > 0) outcome.revokedOverLimit = over.length
  return outcome
}
