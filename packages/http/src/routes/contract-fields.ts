import { z } from 'zod'

/** Fields every contract uses the same way, with the same Chinese messages. */

export const id = z.uuid('编号格式不正确')

/** A civil date, Asia/Shanghai, as the API writes dates. */
export const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

/** The article behind a decision: rule id, source, article number, its words. */
export const citation = z.object({
  ruleId: z.string(),
  source: z.string(),
  article: z.string(),
  excerpt: z.string(),
})
