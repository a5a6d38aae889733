import { randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

/** RFC 6238 as authenticator apps read it: HMAC-SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30
const DIGITS = 6
/** One step either side of now: a phone clock a little off still signs in. */
const WINDOW = 1

/** A new 160-bit secret (RFC 4226's recommended length), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ buffer: randomBytes(20).buffer }).base32
}

/** The otpauth:// address an authenticator app scans from the QR code. */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return new TOTP({
    issuer,
    label: account,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString()
}

/** The code an app shows at `at`. */
export function totpCode(secret: string, at: Date): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: at.getTime(),
  })
}

/**
 * The time step a code belongs to, if it is valid at `at` (± one step), else null. The caller
 * refuses a step it accepted before (replay within the window).
 */
export function totpStepOf(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: at.getTime(),
    window: WINDOW,
  })
  if (delta === null) return null
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta
}
