import { z } from 'zod'
import { id } from './contract-fields.ts'

/**
 * 常用批示语: the person's list as saved. The contract only bounds the request; the use case
 * checks each phrase (length, control characters, duplicates) and answers in Chinese.
 */
export const instructionPhrasesBody = z.object({
  phrases: z.array(z.string().max(1000)).max(100),
})
export const instructionPhrasesView = z.object({
  phrases: z.array(z.string()),
  /** Not yet kept by the person: the product's defaults. */
  defaults: z.boolean(),
})

/** 圈阅 of several documents at once (each 待阅 closed by 已阅). */
export const acknowledgeManyBody = z.object({
  documentIds: z.array(id).min(1, '请至少选择一份待阅公文').max(100),
})
export const acknowledgeManyResult = z.object({
  read: z.array(z.object({ documentId: z.string(), title: z.string() })),
  /** Each document not marked read, by title where visible, with the reason. */
  refused: z.array(
    z.object({
      documentId: z.string(),
      title: z.string().nullable(),
      code: z.string(),
      message: z.string(),
    }),
  ),
})

/** 文件处理笺 (incoming) or 发文稿纸 (outgoing). */
export const handlingSheetView = z.object({
  documentId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  heading: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.string(),
      wide: z.boolean().optional(),
    }),
  ),
  boxes: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      entries: z.array(z.object({ text: z.string(), by: z.string().nullable(), on: z.string() })),
    }),
  ),
  state: z.string(),
})
