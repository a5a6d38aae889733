import { z } from 'zod'

export const loginBody = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(256),
})

export const sessionInfo = z.object({
  username: z.string(),
  adminRole: z.string().nullable(),
  expiresAt: z.string(),
  csrfToken: z.string().optional(),
})

export const revokedCount = z.object({ revoked: z.number() })
