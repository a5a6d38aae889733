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
