import { z } from 'zod'
import { sessionInfo } from './session.contract.ts'

/** A correct password that still needs a second step (202): no session, a challenge token. */
export const pendingLogin = z.object({
  /** `verify`: enter a code; `enrol`: set up an authenticator first (administrators must). */
  secondFactor: z.enum(['verify', 'enrol']),
  challenge: z.string(),
  expiresAt: z.string(),
})

const challenge = z.string().min(20, '验证已失效，请重新登录').max(100, '验证已失效，请重新登录')
/** A 6-digit code from the app, or a recovery code (`7KQ4M-2XP9H-TCQ4M`). */
const code = z
  .string()
  .trim()
  .min(6, '请输入 6 位验证码或恢复码')
  .max(32, '请输入 6 位验证码或恢复码')

export const secondFactorBody = z.object({ challenge, code })
export const challengeBody = z.object({ challenge })
export const confirmBody = z.object({ challenge, code })
export const ownConfirmBody = z.object({ code })

export const enrolment = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth:// address as a QR code (PNG data URL). */
  qrDataUrl: z.string(),
})

export const confirmedEnrolment = z.object({
  /** Ten one-time codes, shown this once. */
  recoveryCodes: z.array(z.string()),
  session: sessionInfo.nullable(),
})

export const secondFactorStatus = z.object({
  active: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number(),
})

export const requiredBody = z.object({ required: z.boolean() })
export const requiredResult = z.object({ required: z.boolean() })
export const resetResult = z.object({ revokedSessions: z.number() })
