import { z } from 'zod'
import { citation, civilDate, holding } from './contract-fields.ts'

/** The register's filter: one direction, a date range (both days included), a state, words. */
export const registerFilter = z.object({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  /** Registered (incoming) or drafted (outgoing) on or after this civil date, Asia/Shanghai. */
  from: civilDate.optional(),
  to: civilDate.optional(),
  state: z.string().trim().min(1).max(32).optional(),
  q: z.string().trim().max(100).optional(),
})

export const registerQuery = registerFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

const incomingRow = z.object({
  id: z.string(),
  /** 收文编号, given at 签收/登记. */
  receiptNumber: z.string().nullable(),
  receivedOn: z.string(),
  sender: z.string().nullable(),
  senderReference: z.string().nullable(),
  title: z.string(),
  kind: z.string(),
  secrecy: z.string(),
  urgency: z.string(),
  dueDate: z.string().nullable(),
  handlingUnits: z.array(z.string()),
  state: z.string(),
  closedOn: z.string().nullable(),
  /** 当前办理: who holds each open task of the document (待阅 aside). */
  holders: z.array(holding),
})

const outgoingRow = z.object({
  id: z.string(),
  documentNumber: z.string().nullable(),
  title: z.string(),
  kind: z.string(),
  draftingUnit: z.string().nullable(),
  draftedOn: z.string(),
  signer: z.string().nullable(),
  signedOn: z.string().nullable(),
  issuedOn: z.string().nullable(),
  disclosure: z.string().nullable(),
  secrecy: z.string(),
  state: z.string(),
  /** 当前办理: who holds each open task of the document (待阅 aside). */
  holders: z.array(holding),
})

/** One page of the register, newest first; `total` counts every line the filter matches. */
export const registerPage = z.discriminatedUnion('direction', [
  z.object({ direction: z.literal('incoming'), total: z.number(), rows: z.array(incomingRow) }),
  z.object({ direction: z.literal('outgoing'), total: z.number(), rows: z.array(outgoingRow) }),
])

/** Whether the current post keeps the register, and the article saying who does. */
export const registerAccessResponse = z.object({
  allowed: z.boolean(),
  summary: z.string(),
  citations: z.array(citation),
})
