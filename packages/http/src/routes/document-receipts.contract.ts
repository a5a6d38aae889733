import { z } from 'zod'
import { citation, civilDate, text, titleField } from './contract-fields.ts'

/**
 * 登记来文: what the desk records of a document received from outside. Sent as JSON, or as the
 * `receipt` field (this JSON as text) of a multipart form whose `scan` files are the originals.
 * Required fields the use case checks itself (来文单位, 份数, 收文日期, 密级) are loose here, so
 * each is refused with its own code and Chinese message.
 */
export const receiveExternalBody = z.object({
  externalSender: text(100).default(''),
  senderReference: text(64).optional(),
  kind: z.string().min(1, '请选择文种').max(16),
  title: titleField('请填写来文标题'),
  body: text(200_000).optional(),
  // A string, not an enum: 绝密 must reach the use case to be refused with its own code.
  secrecy: z.string().min(1, '请选择密级').max(16),
  secrecyPeriod: text(32).optional(),
  urgency: z.string().max(16).default('normal'),
  copies: z.number(),
  receivedOn: civilDate,
  complex: z.boolean().optional(),
})

/** Whether the current post is the desk that registers 来文, with the article. */
export const receiptAccessResponse = z.object({
  allowed: z.boolean(),
  summary: z.string(),
  citations: z.array(citation),
})

export const externalSendersResponse = z.object({ senders: z.array(z.string()) })

/** A registered 来文: its id and 收文编号, its time limit, the originals stored. */
export const externalReceived = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  state: z.string(),
  dueDate: z.string().nullable(),
  attachments: z.array(
    z.object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number() }),
  ),
})
