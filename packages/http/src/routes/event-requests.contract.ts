import { z } from 'zod'
import { citation, civilDate, civilDateOut, id, titleField } from './contract-fields.ts'

/** 会议活动申请 (issue 15, contract C3). */
export const eventRequestParams = z.object({ id })

const kind = z.enum(['meeting', 'event', 'leaderInvitation', 'foreignGuest'], {
  message: '申请类别只能是：会议、活动、邀请领导、邀请外宾',
})
const scope = z.enum(['countywide', 'other'], { message: '范围只能是：全县（区、市）性或其他' })

export const eventRequestBody = z.object({
  kind,
  scope: scope.default('countywide'),
  title: titleField('请填写会议或活动名称'),
  date: civilDate,
  time: z.string().trim().max(64).optional(),
  place: z.string().trim().max(200).optional(),
  unitId: id.optional(),
  invitedPostIds: z.array(id).max(30).optional(),
})

export const decideBody = z.object({ opinion: z.string().trim().max(2000).optional() })
export const withdrawBody = z.object({})
export const refuseBody = z.object({
  reason: z.string().trim().min(1, '请填写不同意的理由').max(2000),
})

export const listQuery = z.object({
  scope: z.enum(['mine', 'toDecide', 'all']).optional(),
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn']).optional(),
  from: civilDate.optional(),
  to: civilDate.optional(),
})

const checkView = z.object({
  code: z.string(),
  passed: z.boolean(),
  inPrinciple: z.boolean(),
  refuses: z.boolean(),
  summary: z.string(),
  citations: z.array(citation),
})

export const previewResponse = z.object({
  accepted: z.boolean(),
  late: z.boolean(),
  checks: z.array(checkView),
  summary: z.string(),
})

export const eventRequestSummary = z.object({
  id: z.string(),
  kind,
  kindLabel: z.string(),
  scope,
  scopeLabel: z.string(),
  title: z.string(),
  date: civilDateOut,
  time: z.string(),
  place: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  invited: z.array(z.object({ postId: z.string(), title: z.string() })),
  filedBy: z.object({ personName: z.string(), postTitle: z.string() }),
  filedOn: civilDateOut,
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn']),
  statusLabel: z.string(),
  late: z.boolean(),
  opinion: z.string().nullable(),
  decidedAt: z.string().nullable(),
  checks: z.array(checkView),
  acts: z.array(z.enum(['approve', 'refuse', 'withdraw'])),
})

export const eventRequestView = eventRequestSummary.extend({
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      personName: z.string().nullable(),
      postTitle: z.string().nullable(),
      text: z.string().nullable(),
      citations: z.array(citation),
    }),
  ),
  citations: z.array(citation),
})

export const listResponse = z.object({
  today: civilDateOut,
  items: z.array(eventRequestSummary),
})
