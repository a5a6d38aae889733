import type { AccountSummary } from '../../api/types.ts'

/** A lockout that has run out stays recorded until the next sign-in; it no longer locks. */
export function isLocked(account: AccountSummary, now = Date.now()): boolean {
  return account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > now
}
