import { z } from 'zod'
import { citation, civilDate, holding, id, titleField } from './contract-fields.ts'

export const supervisionParams = z.object({ id })
export const evidenceParams = z.object({ id, evidenceId: id })

export const createItemBody = z.object({
  source: z.string().min(1).max(32),
  title: titleField('请填写督办事项'),
  requirement: z.string().max(5000).optional(),
  leadDepartmentId: id,
  coDepartmentIds: z.array(id).max(20).optional(),
  responsiblePerson: z.string().max(64).optional(),
  assignedOn: civilDate.optional(),
  dueDate: civilDate.optional(),
  milestones: z
    .array(z.object({ title: titleField('请填写节点名称'), dueDate: civilDate }))
    .max(20)
    .optional(),
  secrecy: z.string().min(1).max(16).optional(),
})
export const progressBody = z.object({
  text: z.string().trim().min(1, '请填写进展情况').max(5000),
  milestoneIndex: z.number().int().nonnegative().optional(),
})
export const extensionBody = z.object({
  requestedDue: civilDate,
  reason: z.string().trim().max(2000),
})
export const decisionBody = z.object({
  approve: z.boolean(),
  text: z.string().max(2000).optional(),
})
export const closureBody = z.object({
  report: z.string().trim().min(1, '请填写办结报告').max(5000),
})
export const circularBody = z.object({
  from: civilDate,
  to: civilDate,
  title: titleField().optional(),
})

export const ledgerQuery = z.object({
  state: z.enum(['open', 'closed', 'overdue', 'dueSoon']).optional(),
  source: z.string().max(32).optional(),
  departmentId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const ledgerExportQuery = ledgerQuery.omit({ limit: true, offset: true })
export const dashboardQuery = z.object({ departmentId: id.optional() })

const ledgerItem = z.object({
  id: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  meetingId: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  documentId: z.string().nullable(),
  title: z.string(),
  requirement: z.string(),
  leadDepartmentId: z.string(),
  leadDepartmentName: z.string(),
  coDepartmentIds: z.array(z.string()),
  coDepartmentNames: z.array(z.string()),
  responsiblePerson: z.string(),
  assignedOn: z.string(),
  dueDate: z.string(),
  originalDueDate: z.string(),
  milestones: z.array(
    z.object({ title: z.string(), dueDate: z.string(), doneOn: z.string().nullable() }),
  ),
  state: z.string(),
  stateLabel: z.string(),
  pendingExtension: z
    .object({ requestedDue: z.string(), reason: z.string(), requestedAt: z.string() })
    .nullable(),
  closedOn: z.string().nullable(),
  daysLate: z.number().nullable(),
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  ruleIds: z.array(z.string()),
  secrecy: z.string(),
  /** 当前办理: the lead unit, or the supervision office while a request waits on it. */
  holders: z.array(holding),
})

export const ledgerResponse = z.object({
  total: z.number(),
  today: z.string(),
  items: z.array(ledgerItem),
})

/** 佐证材料, without their bytes. */
export const evidenceFile = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
})

export const itemView = z.object({
  item: ledgerItem,
  citations: z.array(citation),
  evidence: z.array(evidenceFile),
  events: z.array(
    z.object({
      occurredAt: z.string(),
      action: z.string(),
      text: z.string().nullable(),
      ruleIds: z.array(z.string()),
      actorTitle: z.string().nullable(),
    }),
  ),
  may: z.object({
    report: z.boolean(),
    attachEvidence: z.boolean(),
    requestExtension: z.boolean(),
    decideExtension: z.boolean(),
    requestClosure: z.boolean(),
    reviewClosure: z.boolean(),
  }),
})

export const dashboardResponse = z.object({
  today: z.string(),
  open: z.number(),
  dueThisWeek: z.number(),
  overdue: z.number(),
  closed: z.number(),
  closedOnTime: z.number(),
  onTimeRate: z.number().nullable(),
  averageDaysLate: z.number().nullable(),
  byDepartment: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      open: z.number(),
      overdue: z.number(),
      closed: z.number(),
      closedOnTime: z.number(),
    }),
  ),
  trend: z.array(
    z.object({
      month: z.string(),
      assigned: z.number(),
      closed: z.number(),
      closedLate: z.number(),
    }),
  ),
})

export const circularResponse = z.object({
  id: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuedAt: z.string(),
  title: z.string(),
  lines: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      onTime: z.number(),
      late: z.number(),
      overdue: z.number(),
      overdueItems: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          dueDate: z.string(),
          daysOverdue: z.number(),
        }),
      ),
    }),
  ),
})
