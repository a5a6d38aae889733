import { z } from 'zod'
import { citation, civilDate, civilDateOut, id } from './contract-fields.ts'

/** 请销假 (issue 15, contract C3): what the form, the lists and the page exchange. */

export const absenceCategory = z.enum(
  ['businessTrip', 'abroad', 'vacation', 'study', 'personalLeave', 'leaveArea'],
  { message: '外出类别只能是出差、出访、休假、学习、请假或离开本行政区域外出' },
)
export const absenceStatus = z.enum([
  'pending',
  'approved',
  'refused',
  'filed',
  'withdrawn',
  'returned',
])

export const absenceParams = z.object({ id })

const requestFields = z.object({
  postId: id,
  category: absenceCategory,
  from: civilDate,
  to: civilDate,
})

/** The preview may name the stand-in too (在家主持工作: who would act). */
export const previewBody = requestFields.extend({ standInPostId: id.nullish() })

export const fileBody = requestFields.extend({
  destination: z.string().trim().min(1, '请填写外出地点（去向）').max(200),
  reason: z.string().trim().min(1, '请填写事由').max(500),
  contact: z.string().trim().min(1, '请填写联系方式').max(100),
  standInPostId: id.nullish(),
})

export const approveBody = z.object({ opinion: z.string().trim().max(2000).optional() })
export const refuseBody = z.object({
  reason: z.string().trim().min(1, '请填写不予批准的理由').max(2000),
})
export const returnBody = z.object({
  returnedOn: civilDate,
  report: z.string().trim().max(5000).optional(),
})
export const withdrawBody = z.object({}).strict()

export const listQuery = z.object({
  scope: z.enum(['mine', 'toDecide', 'office']).default('mine'),
  status: absenceStatus.optional(),
  from: civilDate.optional(),
  to: civilDate.optional(),
})

/** A post on the chart with its holders today, or the rulebook's word for a body off the roster. */
const postHolders = z.object({
  postId: z.string(),
  title: z.string(),
  holders: z.array(z.string()),
})
const postRef = z.union([postHolders, z.string()])

const actingSpan = z.object({
  from: civilDateOut,
  to: civilDateOut,
  postTitle: z.string(),
  actingPostTitle: z.string(),
  actingHolders: z.array(z.string()),
  gap: z.boolean(),
  note: z.string(),
  citations: z.array(citation),
})

const conflict = z.object({
  conflict: z.boolean(),
  forbidden: z.boolean(),
  summary: z.string(),
  citations: z.array(citation),
})

export const previewResponse = z.object({
  mode: z.enum(['approval', 'filing']),
  days: z.number().int(),
  approvers: z.array(postHolders),
  approverIsBody: z.boolean(),
  /** The steps in turn (经…审核同意后报…), the approver last; a filing has none. */
  stages: z.array(
    z.object({ label: z.string(), posts: z.array(postHolders), byOffice: z.boolean() }),
  ),
  via: z.array(postRef),
  inform: z.array(postRef),
  fileWith: z.array(postRef),
  reportBackTo: z.array(postRef),
  latestFiling: civilDateOut.nullable(),
  filedInTime: z.boolean().nullable(),
  conflict: conflict.nullable(),
  acting: z.array(actingSpan),
  summary: z.string(),
  citations: z.array(citation),
})

export const absenceSummary = z.object({
  id: z.string(),
  personName: z.string(),
  postId: z.string(),
  postTitle: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  from: civilDateOut,
  to: civilDateOut,
  days: z.number().int(),
  destination: z.string(),
  mode: z.enum(['approval', 'filing']),
  status: absenceStatus,
  statusLabel: z.string(),
  late: z.boolean(),
  returnOverdue: z.boolean(),
  returnedOn: civilDateOut.nullable(),
  approver: z.string().nullable(),
})

export const listResponse = z.object({ items: z.array(absenceSummary) })

export const absenceView = absenceSummary.extend({
  reason: z.string(),
  contact: z.string(),
  standIn: z.string().nullable(),
  approvers: z.array(z.string()),
  via: z.array(z.string()),
  inform: z.array(z.string()),
  fileWith: z.array(z.string()),
  reportBackTo: z.array(z.string()),
  filedAt: z.string(),
  latestFiling: civilDateOut.nullable(),
  conflict: conflict.extend({ ruleIds: z.array(z.string()) }).nullable(),
  opinion: z.string().nullable(),
  returnReport: z.string().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      personName: z.string().nullable(),
      postTitle: z.string().nullable(),
      actingNote: z.string().nullable(),
      opinion: z.string().nullable(),
      citations: z.array(citation),
    }),
  ),
  acting: z.array(actingSpan),
  citations: z.array(citation),
  acts: z.array(z.enum(['approve', 'refuse', 'return', 'withdraw'])),
})
