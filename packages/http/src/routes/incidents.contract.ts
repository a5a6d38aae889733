import { z } from 'zod'
import {
  citation,
  civilDate,
  civilDateOut,
  id,
  instant,
  text,
  titleField,
} from './contract-fields.ts'

/** 突发事件信息报送, the 迟报漏报 register, its circulars and the duty board (issue 16, C5). */
export const incidentParams = z.object({ id })

const channel = z.enum(['phone', 'written'], { message: '报送方式只能是：电话、书面' })
const stepChannel = z.enum(['phone', 'written', 'any'])
const reportKind = z.enum(['first', 'follow-up', 'final'], {
  message: '报告类别只能是：首报、续报、终报',
})
const status = z.enum(['open', 'closed'])
const elementCode = z.string().trim().min(1).max(64)
const elements = z
  .record(elementCode, text(2000))
  .refine((value) => Object.keys(value).length <= 30, '报告要素不得超过 30 项')

const reportFields = {
  channel,
  elements: elements.optional(),
  body: text(5000).optional(),
}

export const reportIncidentBody = z.object({
  category: z.string().trim().min(1, '请选择事件类别').max(64),
  title: titleField('请填写事件名称'),
  place: text(200).optional(),
  occurredAt: instant(),
  knownAt: instant().optional(),
  departmentId: id.optional(),
  firstReport: z.object(reportFields),
})

export const addReportBody = z.object({ kind: reportKind, ...reportFields })
export const followUpBody = z.object({ dueAt: instant(), note: text(500).optional() })
export const closeBody = z.object({ note: text(500).optional() })

export const listQuery = z.object({ status: status.optional(), department: id.optional() })
export const windowQuery = z.object({ from: civilDate.optional(), to: civilDate.optional() })
export const circularBody = z.object({
  from: civilDate,
  to: civilDate,
  entryIds: z.array(id).max(500).optional(),
  title: titleField().optional(),
})

const element = z.object({ code: z.string(), label: z.string() })
const stepView = z.object({
  act: z.string(),
  label: z.string(),
  within: z.string(),
  channel: stepChannel,
  due: z.string(),
  to: z.array(z.string()),
  satisfiedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  /** Whole minutes late, rounded up (the register's figure); null when on time or open. */
  minutesLate: z.number().int().nullable(),
  state: z.enum(['done', 'late', 'open', 'overdue']),
  stateLabel: z.string(),
  secondsLeft: z.number(),
  /** 立即: the step's period is zero (due when the clock starts): no countdown, time since. */
  immediate: z.boolean(),
  secondsSinceStart: z.number(),
})

export const incidentSummary = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  place: z.string(),
  occurredAt: z.string(),
  knownAt: z.string().nullable(),
  clockFrom: z.string(),
  status,
  statusLabel: z.string(),
  reportingDepartment: z.object({ id: z.string(), name: z.string() }),
  steps: z.array(stepView),
  overdue: z.boolean(),
  /** Reported where the county has loaded no reporting time limit: no steps, no timers. */
  untimed: z.boolean(),
  ruleIds: z.array(z.string()),
})

/** The loud warning where no reporting time limit (国家、省、市规定) is loaded, with the county's articles. */
const timeLimitWarning = z.object({ message: z.string(), citations: z.array(citation) }).nullable()

const lateKind = z.enum(['late', 'missing', 'follow-up-overdue'])
const reviewDecision = z.enum(['confirmed', 'excused'], {
  message: '核实结论只能是：属实（confirmed）、不予通报（excused）',
})

export const incidentView = incidentSummary.extend({
  serverNow: z.string(),
  elements: z.array(element),
  reports: z.array(
    z.object({
      id: z.string(),
      kind: reportKind,
      kindLabel: z.string(),
      channel,
      channelLabel: z.string(),
      reportedAt: z.string(),
      elements: z.record(z.string(), z.string()),
      body: z.string(),
      reportedByName: z.string().nullable(),
      late: z.boolean(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: z.string(),
      dueAt: z.string(),
      note: z.string(),
      requestedAt: z.string(),
      satisfied: z.boolean(),
    }),
  ),
  lateEntries: z.array(
    z.object({
      id: z.string(),
      kind: lateKind,
      kindLabel: z.string(),
      stepLabel: z.string(),
      dueAt: z.string(),
      reportedAt: z.string().nullable(),
      minutesLate: z.number().nullable(),
    }),
  ),
  citations: z.array(citation),
  timeLimitWarning,
  acts: z.array(z.enum(['report', 'requestFollowUp', 'close'])),
})

export const listResponse = z.object({
  serverNow: z.string(),
  seesAll: z.boolean(),
  items: z.array(incidentSummary),
})

export const optionsResponse = z.object({
  categories: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      steps: z.array(
        z.object({
          act: z.string(),
          label: z.string(),
          within: z.string(),
          channel: stepChannel,
          to: z.array(z.string()),
        }),
      ),
      elements: z.array(element),
    }),
  ),
  citations: z.array(citation),
  timeLimitWarning,
  /** Whether this post may report for another unit (the server refuses others: INCIDENT_NOT_OWN_UNIT). */
  mayReportForOtherUnits: z.boolean(),
})

const registerLine = z.object({
  id: z.string(),
  incidentId: z.string(),
  incidentTitle: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  kind: lateKind,
  kindLabel: z.string(),
  stepLabel: z.string(),
  dueAt: z.string(),
  reportedAt: z.string().nullable(),
  minutesLate: z.number().nullable(),
  recordedAt: z.string(),
  circularId: z.string().nullable(),
  /** 核实 by the duty office (null: not reviewed); an excused line is never circulated. */
  review: z
    .object({
      decision: reviewDecision,
      decisionLabel: z.string(),
      reason: z.string(),
      reviewedByName: z.string().nullable(),
      reviewedAt: z.string(),
    })
    .nullable(),
})

export const registerLineParams = z.object({ id })
export const reviewBody = z.object({ decision: reviewDecision, reason: text(500) })
export const registerLineResponse = registerLine

export const registerResponse = z.object({
  from: civilDateOut,
  to: civilDateOut,
  serverNow: z.string(),
  canIssueCircular: z.boolean(),
  entries: z.array(registerLine),
})

export const circularView = z.object({
  id: z.string(),
  title: z.string(),
  periodFrom: civilDateOut,
  periodTo: civilDateOut,
  issuedAt: z.string(),
  lines: z.array(
    z.object({
      entryId: z.string(),
      departmentName: z.string(),
      incidentTitle: z.string(),
      kind: lateKind,
      kindLabel: z.string(),
      stepLabel: z.string().nullable(),
      dueAt: z.string(),
      reportedAt: z.string().nullable(),
      minutesLate: z.number().nullable(),
    }),
  ),
  text: z.string(),
  citations: z.array(citation),
})

export const circularsResponse = z.object({ circulars: z.array(circularView) })

export const boardResponse = z.object({
  serverNow: z.string(),
  seesAll: z.boolean(),
  incidents: z.array(incidentSummary),
  overdueIncidents: z.number(),
  leaderOnCall: z
    .object({
      personId: z.string(),
      postId: z.string().nullable(),
      name: z.string(),
      shiftId: z.string(),
    })
    .nullable(),
  /** Open 政务舆情 items (H5's listOpenOpinions). */
  opinions: z.array(z.unknown()),
  timeLimitWarning,
})
