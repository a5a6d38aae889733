import { z } from 'zod'
import { citation, civilDate, id, instant, text, titleField } from './contract-fields.ts'

/** 政务舆情 (issue 16, contracts C3 and C5). */
export const opinionParams = z.object({ id })

const url = z
  .string()
  .trim()
  .max(500, '链接不得超过 500 个字符')
  .regex(/^https?:\/\/\S+$/, '链接应以 http:// 或 https:// 开头')

export const recordOpinionBody = z.object({
  category: z.string().trim().min(1, '请选择舆情类别').max(64),
  title: titleField('请填写舆情标题'),
  summary: text(2000).optional(),
  source: z.string().trim().min(1, '请填写舆情来源（媒体、网站或平台）').max(100),
  sourceUrl: url.optional(),
  surfacedAt: instant('发现时间格式不正确（应为带时区的 ISO 8601 时间）'),
  responsibleDepartmentId: id.optional(),
  responsiblePostId: id.optional(),
})

export const respondBody = z.object({
  stepAct: z.string().trim().min(1).max(64).optional(),
  publishedAt: instant('发布时间格式不正确（应为带时区的 ISO 8601 时间）'),
  channel: z.string().trim().min(1, '请填写发布渠道').max(100),
  url: url.optional(),
  body: text(5000).pipe(z.string().trim().min(1, '请填写回应内容')),
})

export const closeBody = z.object({ note: text(2000).optional() })

export const listQuery = z.object({
  status: z.enum(['open', 'responded', 'closed', 'active']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
})

export const optionsQuery = z.object({ on: civilDate.optional() })

const step = z.object({
  act: z.string(),
  label: z.string(),
  within: z.string(),
  due: z.string(),
  to: z.array(z.string()),
  satisfiedAt: z.string().nullable(),
  responseId: z.string().nullable(),
  overdueAt: z.string().nullable(),
  /** Whole minutes late, rounded up (the register's figure); null when on time or open. */
  minutesLate: z.number().int().nullable(),
  state: z.enum(['done', 'late', 'open', 'overdue']).nullable(),
  stateLabel: z.string(),
})

export const opinionSummary = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  surfacedAt: z.string(),
  responsibleDepartment: z.object({ id: z.string(), name: z.string() }).nullable(),
  responsibleDepartmentName: z.string().nullable(),
  responsiblePost: z.object({ id: z.string(), title: z.string() }).nullable(),
  status: z.enum(['open', 'responded', 'closed']),
  statusLabel: z.string(),
  steps: z.array(step),
  overdue: z.boolean(),
  ruleIds: z.array(z.string()),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
})

export const opinionView = z.object({
  item: opinionSummary,
  responses: z.array(
    z.object({
      id: z.string(),
      stepAct: z.string().nullable(),
      stepLabel: z.string().nullable(),
      publishedAt: z.string(),
      channel: z.string(),
      url: z.string().nullable(),
      body: z.string(),
      late: z.boolean(),
      byName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  citations: z.array(citation),
  serverNow: z.string(),
  canRespond: z.boolean(),
  canClose: z.boolean(),
})

export const opinionList = z.object({
  items: z.array(opinionSummary),
  serverNow: z.string(),
  canRecord: z.boolean(),
})

export const opinionOptions = z.object({
  on: z.string(),
  categories: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      steps: z.array(
        z.object({
          act: z.string(),
          label: z.string(),
          within: z.unknown(),
          channel: z.string().optional(),
          to: z.array(z.string()).optional(),
        }),
      ),
      elements: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
      ruleId: z.string().optional(),
    }),
  ),
  citations: z.array(citation),
})
