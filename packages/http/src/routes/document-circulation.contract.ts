import { z } from 'zod'
import { id } from './contract-fields.ts'

export const circulationParams = z.object({ id })

/** 传阅: the posts to read the document (leaders, department heads…), and a note for them. */
export const circulateBody = z.object({
  postIds: z.array(id).min(1, '请至少选择一个传阅对象').max(50),
  note: z.string().max(500).optional(),
})

/**
 * The read receipts of a document's circulations: one line per recipient post and circulation,
 * `readAt` null until someone in that post marks it 已阅.
 */
export const circulationView = z.object({
  /** Whether the current post may circulate the document now (the office, a circulable state). */
  mayCirculate: z.boolean(),
  receipts: z.array(
    z.object({
      postId: z.string(),
      title: z.string(),
      holders: z.array(z.string()),
      circulatedAt: z.string(),
      circulatedBy: z.string().nullable(),
      readAt: z.string().nullable(),
      readBy: z.string().nullable(),
      /** 'read'; 'archived' when archiving closed it unread; null while unread. */
      outcome: z.string().nullable(),
    }),
  ),
})
