/** How many failed logins lock an account, and for how long (a security admin's setting). */
export interface LockoutPolicy {
  maxFailures: number
  lockoutMinutes: number
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockoutMinutes: 30 }

export interface LoginState {
  failedCount: number
  lockedUntil: string | null
}

/** Whether the account is locked at `now`. */
export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime()
}

/** The state after a failed attempt: the Nth consecutive failure locks the account. */
export function afterFailure(
  state: LoginState,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): LoginState {
  // A lock that has run out starts the count again.
  const count = (state.lockedUntil !== null && !isLocked(state, now) ? 0 : state.failedCount) + 1
  if (count >= policy.maxFailures) {
    return {
      failedCount: count,
      lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString(),
    }
  }
  return { failedCount: count, lockedUntil: null }
}

export const AFTER_SUCCESS: LoginState = { failedCount: 0, lockedUntil: null }

/**
 * Failures from one client address within a window, then a pause for everyone at that address.
 * High, because a county office signs in through one NAT address; low enough that spraying one
 * password over many names from one machine crawls (about 30 names per quarter hour).
 */
export interface ClientLimitPolicy {
  maxFailures: number
  windowMinutes: number
  lockoutMinutes: number
}

export const DEFAULT_CLIENT_LIMIT: ClientLimitPolicy = {
  maxFailures: 30,
  windowMinutes: 15,
  lockoutMinutes: 15,
}

export interface WindowedState extends LoginState {
  windowStartedAt: string
}

/** The state after a failed attempt from a client: counts within the window, locks at the limit. */
export function afterClientFailure(
  state: WindowedState | undefined,
  now: Date,
  policy: ClientLimitPolicy = DEFAULT_CLIENT_LIMIT,
): WindowedState {
  const windowOver =
    !state ||
    (!isLocked(state, now) &&
      Date.parse(state.windowStartedAt) + policy.windowMinutes * 60_000 <= now.getTime())
  const count = windowOver ? 1 : state.failedCount + 1
  const windowStartedAt = windowOver ? now.toISOString() : state.windowStartedAt
  const lockedUntil =
    count >= policy.maxFailures
      ? new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString()
      : null
  return { failedCount: count, windowStartedAt, lockedUntil }
}
