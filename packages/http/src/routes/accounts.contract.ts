import { z } from 'zod'

export const accountSummary = z.object({
  id: z.string(),
  username: z.string(),
  adminRole: z.string().nullable(),
  person: z
    .object({
      id: z.string(),
      name: z.string(),
      jurisdictionId: z.string(),
      clearance: z.enum(['public', 'internal', 'secret', 'confidential']),
    })
    .nullable(),
  failedCount: z.number(),
  lockedUntil: z.string().nullable(),
})

export const accountParams = z.object({ id: z.uuid('账户编号格式不正确') })
export const personParams = z.object({ id: z.uuid('人员编号格式不正确') })

export const createAccountBody = z.object({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{2,63}$/, '用户名为 3–64 位小写字母、数字或 . _ -，以字母开头'),
  password: z.string().min(1).max(256),
  personId: z.uuid('人员编号格式不正确'),
})

export const resetPasswordBody = z.object({ password: z.string().min(1).max(256) })
export const resetPasswordResult = z.object({ revokedSessions: z.number() })

// A string, not an enum: 绝密 must reach the use case to be refused with its own code.
export const clearanceBody = z.object({ clearance: z.string().min(1).max(16) })
export const clearanceResult = z.object({ personId: z.string(), clearance: z.string() })
