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

/** 当前办理: who holds one open piece of work now. */
export const holding = z.object({
  kind: z.string(),
  postId: z.string().nullable(),
  postTitle: z.string().nullable(),
  departmentId: z.string().nullable(),
  unitName: z.string().nullable(),
  holders: z.array(z.string()),
  acting: z
    .object({ postId: z.string(), title: z.string(), holders: z.array(z.string()) })
    .nullable(),
  vacant: z.boolean(),
  since: z.string(),
  dueDate: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
})
