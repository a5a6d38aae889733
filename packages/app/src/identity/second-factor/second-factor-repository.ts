import type { AccountRecord } from '../log-in.ts'

export interface StoredFactor {
  secretSealed: string
  /** Null while enrolling. */
  confirmedAt: string | null
  lastStep: number | null
}

export interface LoginChallenge {
  id: string
  accountId: string
  purpose: 'verify' | 'enrol'
  attempts: number
  expiresAt: string
  usedAt: string | null
}

/** What the second factor needs from storage. */
export interface SecondFactorRepository {
  accountById(
    accountId: string,
  ): Promise<(AccountRecord & { secondFactorRequired: boolean }) | undefined>
  factorOf(accountId: string): Promise<StoredFactor | undefined>
  /** A new, unconfirmed factor in place of any earlier one (and its recovery codes). */
  replaceFactor(accountId: string, secretSealed: string, now: string): Promise<void>
  /** Accepts a time step only if it is later than the last one accepted (atomic). */
  acceptStep(accountId: string, step: number): Promise<boolean>
  confirmFactor(accountId: string, step: number, now: string): Promise<void>
  removeFactor(accountId: string): Promise<void>
  replaceRecoveryCodes(accountId: string, hashes: string[]): Promise<void>
  /** Marks an unused code used (atomic); false if there is none such. */
  useRecoveryCode(accountId: string, hash: string, now: string): Promise<boolean>
  unusedRecoveryCodes(accountId: string): Promise<number>
  createChallenge(challenge: {
    id: string
    accountId: string
    purpose: LoginChallenge['purpose']
    expiresAt: string
    now: string
  }): Promise<void>
  challengeById(id: string): Promise<LoginChallenge | undefined>
  countChallengeAttempt(id: string): Promise<void>
  /** Marks an unused challenge used (atomic); false if it was used already. */
  useChallenge(id: string, now: string): Promise<boolean>
  setRequired(accountId: string, required: boolean): Promise<void>
}
