import { z } from 'zod'

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
})

export const changePasswordResult = z.object({ revokedOtherSessions: z.number() })

const setting = (min: number, max: number) =>
  z.number().int('须为整数').min(min, `不得小于 ${min}`).max(max, `不得大于 ${max}`)

/** The security admin's login settings (ranges as in packages/app security-settings.ts). */
export const securitySettingsBody = z.object({
  passwordExpiryDays: setting(0, 3650),
  passwordHistoryCount: setting(0, 24),
  maxSessionsPerAccount: setting(1, 100),
})

export const securitySettings = securitySettingsBody.extend({
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
