import { z } from 'zod'
import { citation, civilDate, civilDateOut, id } from './contract-fields.ts'

/** GET /api/acting-duty: the span (defaults: today, 14 days). */
export const actingDutyQuery = z.object({
  from: civilDate.optional(),
  to: civilDate.optional(),
})

const source = z.enum(['rule', 'designation', 'standIn'])

export const actingDutyView = z.object({
  from: civilDateOut,
  to: civilDateOut,
  days: z.array(
    z.object({
      date: civilDateOut,
      assignments: z.array(
        z.object({
          postId: z.string(),
          postTitle: z.string(),
          holders: z.array(z.string()),
          actingPostId: z.string(),
          actingPostTitle: z.string(),
          actingHolders: z.array(z.string()),
          source,
          /** 代行区长职责 — 第六条 */
          note: z.string(),
          citations: z.array(citation),
        }),
      ),
      gaps: z.array(
        z.object({
          postId: z.string(),
          postTitle: z.string(),
          summary: z.string(),
          citations: z.array(citation),
        }),
      ),
    }),
  ),
  designations: z.array(
    z.object({
      id: z.string(),
      postId: z.string(),
      postTitle: z.string(),
      actingPostId: z.string(),
      actingPostTitle: z.string(),
      from: civilDateOut,
      to: civilDateOut,
      reason: z.string(),
    }),
  ),
  designable: z.array(
    z.object({ postId: z.string(), postTitle: z.string(), citations: z.array(citation) }),
  ),
  canDesignate: z.boolean(),
})

/** POST /api/acting-designations (the office director). */
export const actingDesignationBody = z.object({
  postId: id,
  actingPostId: id,
  from: civilDate,
  to: civilDate,
  reason: z.string().trim().min(1, '请填写明确代行的事由').max(500, '事由不超过500字'),
})

export const actingDesignationCreated = z.object({ id: z.string() })

export const actingDesignationParams = z.object({ id })
