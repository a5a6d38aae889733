import type { SecuritySettings } from './security-settings.ts'

/** A failure count kept under a key: a name without an account, or a client address. */
export interface ThrottleState {
  failedCount: number
  windowStartedAt: string
  lockedUntil: string | null
}

/** What password policy, login limits and session limits need from storage. */
export interface CredentialRepository {
  securitySettings(): Promise<
    SecuritySettings & { updatedBy: string | null; updatedAt: string | null }
  >
  saveSecuritySettings(settings: SecuritySettings, by: string, at: string): Promise<void>
  throttle(key: string): Promise<ThrottleState | undefined>
  /** Saves the state under the key and forgets keys untouched for a day that are not locked. */
  saveThrottle(key: string, state: ThrottleState, now: string): Promise<void>
  passwordState(
    accountId: string,
  ): Promise<
    { passwordHash: string; passwordChangedAt: string; mustChangePassword: boolean } | undefined
  >
  /** The hashes the last `count` changes replaced, newest first. */
  previousPasswordHashes(accountId: string, count: number): Promise<string[]>
  /** Sets a new hash, keeping the old one in the history. */
  replacePassword(
    accountId: string,
    change: { passwordHash: string; at: string; mustChange: boolean },
  ): Promise<void>
  requirePasswordChange(accountId: string): Promise<void>
  /** Ids of the account's sessions still open at `now` (not revoked, expired or idle), oldest first. */
  openSessionsOldestFirst(
    accountId: string,
    at: { now: string; idleSince: string },
  ): Promise<string[]>
}
