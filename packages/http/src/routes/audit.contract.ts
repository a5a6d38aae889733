import { z } from 'zod'
import { civilDate } from './contract-fields.ts'

export const chainParams = z.object({ chain: z.string().min(1).max(64) })
export const recordsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeSeq: z.coerce.number().int().min(1).optional(),
})

export const chainSummary = z.object({
  chain: z.string(),
  name: z.string(),
  records: z.number(),
  lastAt: z.string().nullable(),
})

export const recordsPage = z.object({
  records: z.array(
    z.object({
      chainSeq: z.number(),
      occurredAt: z.string(),
      actor: z.string().nullable(),
      action: z.string(),
      subject: z.string().nullable(),
      ruleIds: z.array(z.string()),
      details: z.record(z.string(), z.unknown()),
      algorithm: z.string(),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  nextBeforeSeq: z.number().nullable(),
})

export const verification = z.object({
  chain: z.string(),
  records: z.number(),
  intact: z.boolean(),
  problems: z.array(
    z.object({ chainSeq: z.number().nullable(), kind: z.string(), message: z.string() }),
  ),
})

/** A date range of one chain (inclusive, Beijing dates), for the signed export. */
export const exportQuery = z.object({ from: civilDate, to: civilDate })
