import type { Hasher } from '../../audit/hasher.ts'
import type { InTransaction } from '../../unit-of-work.ts'
import type { LockoutPolicy } from '../login-throttle.ts'
import type { SecretBox } from './secret-box.ts'

/** What the second-factor use cases need (ports: clock, sealing key, secret source). */
export interface SecondFactorDeps {
  inTransaction: InTransaction
  hasher: Hasher
  now: () => Date
  box: SecretBox
  /** The clock a code is checked against (the people's phones): the server's clock by default. */
  authenticatorNow?: () => Date
  /** A new TOTP secret (base32) for an account: random in production. */
  newSecret?: (username: string) => string
  /** The name the authenticator app shows for the entry. */
  issuer?: string
  lockout?: LockoutPolicy
  sessionHours?: number
}

/** Wrong codes allowed on one challenge before it ends (the password must be given again). */
export const CHALLENGE_ATTEMPTS = 5
/** How long a challenge lives: time to open the app, or to scan the QR code and enrol. */
export const CHALLENGE_MINUTES = { verify: 5, enrol: 15 } as const
