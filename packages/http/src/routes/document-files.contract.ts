import { z } from 'zod'
import { id, LIMITS, text, titleField } from './contract-fields.ts'

export const attachmentParams = z.object({ id, attachmentId: id })

/** An attachment as listed (its bytes come from the download route). */
export const attachmentSummary = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string().nullable(),
  /** "姓名（职务）" of the uploader. */
  uploader: z.string().nullable(),
})

export const attachmentUploaded = z.object({ attachment: attachmentSummary })

export const reviseBody = z.object({
  title: titleField('标题不能为空').optional(),
  body: text(LIMITS.body),
})

export const bodyVersion = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  sha256: z.string(),
  savedAt: z.string(),
  /** "姓名（职务）" of the person who saved it. */
  savedBy: z.string().nullable(),
})

export const bodyVersions = z.array(bodyVersion)
export const bodyRevised = z.object({ version: bodyVersion })
