import type { SecrecyLevel } from '../access/secrecy.ts'

/** An account as the administrators see it: never its password hash. */
export interface AccountSummary {
  id: string
  username: string
  adminRole: string | null
  person: {
    id: string
    name: string
    jurisdictionId: string
    clearance: SecrecyLevel
  } | null
  failedCount: number
  lockedUntil: string | null
}

/** What the three administrators' use cases need from storage. */
export interface AccountAdminRepository {
  accounts(): Promise<AccountSummary[]>
  account(id: string): Promise<AccountSummary | undefined>
  usernameTaken(username: string): Promise<boolean>
  person(id: string): Promise<AccountSummary['person'] | undefined>
  /** A post-holder's account (`personId`) or an administrator's (`adminRole`), never both. */
  createAccount(
    account: { id: string; username: string; passwordHash: string } & (
      | { personId: string; adminRole?: undefined }
      | { adminRole: 'systemAdmin' | 'securityAdmin' | 'auditAdmin'; personId?: undefined }
    ),
  ): Promise<void>
  setPasswordHash(accountId: string, passwordHash: string): Promise<void>
  unlock(accountId: string): Promise<void>
  setClearance(personId: string, clearance: SecrecyLevel): Promise<void>
}
