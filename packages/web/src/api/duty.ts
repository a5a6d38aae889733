import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 值班应急 (issue 16): incidents reported on the clock, the duty office's board, the 迟报漏报
 * register and its circulars, and public-opinion items. Shapes follow packages/http/src/routes/
 * incidents.contract.ts and opinions.contract.ts; deadlines come from the rulebook with their
 * articles, and every countdown runs on the server's clock (`serverNow`), never the browser's.
 */

/** A period as the rules write it: 1 hour, 2 hours, 5 hours; the server may send it in words (1小时). */
export interface Period {
  amount: number
  unit: string
}

/** done: 已按时报送; late: 迟报; open: 待报送; overdue: 超时未报 (at the server's now). */
export type StepStateCode = 'done' | 'late' | 'open' | 'overdue'

/** One timed step of an incident or an opinion item: what is due by when, and whether it was done. */
export interface TimedStep {
  act: string
  label: string
  within: string | Period
  /** phone / written / any: which report satisfies it (incidents). */
  channel?: string
  due: string
  to?: string[]
  satisfiedAt: string | null
  /** When the server's timer found it past due (the escalation). */
  overdueAt?: string | null
  /** Whole minutes late as the server counts them (rounded up, the register's figure). */
  minutesLate?: number | null
  state?: StepStateCode | null
  stateLabel?: string
  /** 立即 (a period of zero, 托克逊 七十六): no countdown; the time since the clock started instead. */
  immediate?: boolean
  secondsSinceStart?: number
}

export interface IncidentSummary {
  id: string
  category: string
  categoryLabel: string
  title: string
  place: string
  occurredAt: string
  knownAt: string | null
  clockFrom: string
  status: 'open' | 'closed'
  statusLabel: string
  reportingDepartment: { id: string; name: string }
  steps: TimedStep[]
  overdue: boolean
  ruleIds?: string[]
  /** Reported where the county has loaded no reporting time limit: no steps, no timers. */
  untimed?: boolean
}

/** The loud warning where no reporting time limit (国家、省、市规定) is loaded, with the county's articles. */
export interface TimeLimitWarning {
  message: string
  citations: Citation[]
}

export type ReportKind = 'first' | 'follow-up' | 'final'
export type ReportChannel = 'phone' | 'written'

export interface IncidentReport {
  id: string
  kind: ReportKind
  kindLabel: string
  channel: ReportChannel
  channelLabel: string
  reportedAt: string
  elements: Record<string, string>
  body: string
  reportedByName: string | null
  late: boolean
}

export interface FollowUpRequest {
  id: string
  dueAt: string
  note: string
  requestedAt: string
  satisfied: boolean
}

export type LateKind = 'late' | 'missing' | 'follow-up-overdue'

/** A line of the 迟报漏报 register (on an incident's page: without the incident and unit). */
export interface LateEntry {
  id: string
  incidentId?: string
  incidentTitle?: string
  department?: { id: string; name: string }
  kind: LateKind
  kindLabel: string
  stepLabel: string | null
  dueAt: string
  reportedAt: string | null
  minutesLate: number | null
  circularId?: string | null
  /** The duty office's 核实 (null: not reviewed); an excused line is never circulated. */
  review?: LateEntryReview | null
}

export type LateEntryDecision = 'confirmed' | 'excused'

export interface LateEntryReview {
  decision: LateEntryDecision
  decisionLabel: string
  reason: string
  reviewedByName: string | null
  reviewedAt: string
}

export type IncidentAct = 'report' | 'requestFollowUp' | 'close'

export interface IncidentView extends IncidentSummary {
  serverNow: string
  /** The elements (要素) a report must carry. */
  elements: { code: string; label: string }[]
  reports: IncidentReport[]
  followUps: FollowUpRequest[]
  lateEntries: LateEntry[]
  citations: Citation[]
  timeLimitWarning?: TimeLimitWarning | null
  /** What the current post may do now. */
  acts: IncidentAct[]
}

export interface CategoryOption {
  code: string
  label: string
  steps: { act: string; label: string; within: string | Period; channel?: string; to?: string[] }[]
  elements: { code: string; label: string }[]
}

export interface CategoryOptions {
  categories: CategoryOption[]
  citations: Citation[]
  timeLimitWarning?: TimeLimitWarning | null
  /** Incidents: whether this post may report for another unit (报告单位); the server enforces it. */
  mayReportForOtherUnits?: boolean
}

export interface NewIncident {
  /** The reporting unit, when the duty office records a unit's call (default: the actor's own). */
  departmentId?: string
  category: string
  title: string
  place: string
  occurredAt: string
  knownAt?: string
  firstReport: { channel: ReportChannel; elements: Record<string, string>; body: string }
}

export interface LateRegister {
  from: string
  to: string
  serverNow: string
  canIssueCircular: boolean
  entries: LateEntry[]
}

export interface OpinionSummary {
  id: string
  category: string
  categoryLabel: string
  title: string
  summary: string
  source: string
  sourceUrl: string | null
  surfacedAt: string
  responsibleDepartmentName: string | null
  status: 'open' | 'responded' | 'closed'
  statusLabel: string
  steps: TimedStep[]
  overdue: boolean
  ruleIds: string[]
}

export interface OpinionResponse {
  id: string
  stepAct: string | null
  stepLabel: string | null
  publishedAt: string
  channel: string
  url: string | null
  body: string
  late: boolean
  byName: string | null
}

export interface OpinionView {
  item: OpinionSummary
  responses: OpinionResponse[]
  citations: Citation[]
  serverNow: string
  canRespond: boolean
  canClose: boolean
}

export interface OpinionList {
  items: OpinionSummary[]
  serverNow: string
  canRecord: boolean
}

export interface DutyBoard {
  serverNow: string
  seesAll: boolean
  incidents: IncidentSummary[]
  overdueIncidents: number
  /** The 带班领导 on call now (the duty office's published shift), if any. */
  leaderOnCall: { personId: string; postId: string | null; name: string; shiftId: string } | null
  opinions: OpinionSummary[]
  timeLimitWarning?: TimeLimitWarning | null
}

/** One line of a circular, as issued. */
export interface CircularLine {
  entryId: string
  departmentName: string
  incidentTitle: string
  kind: LateKind
  kindLabel: string
  stepLabel: string | null
  dueAt: string
  reportedAt: string | null
  minutesLate: number | null
}

export interface DutyCircular {
  id: string
  title: string
  periodFrom: string
  periodTo: string
  issuedAt: string
  lines: CircularLine[]
  text: string
  citations: Citation[]
}

const incidentPath = (id: string, act = '') =>
  `/api/incidents/${encodeURIComponent(id)}${act ? `/${act}` : ''}`
const opinionPath = (id: string, act = '') =>
  `/api/opinions/${encodeURIComponent(id)}${act ? `/${act}` : ''}`

export const fetchDutyBoard = (signal?: AbortSignal) =>
  request<DutyBoard>('GET', '/api/duty/board', { signal })

export const fetchIncidentOptions = (signal?: AbortSignal) =>
  request<CategoryOptions>('GET', '/api/incidents/options', { signal })

/** Answers the incident as recorded (its id opens its page). */
export const reportIncident = (incident: NewIncident) =>
  request<{ id: string }>('POST', '/api/incidents', { body: incident })

export const fetchIncident = (id: string, signal?: AbortSignal) =>
  request<IncidentView>('GET', incidentPath(id), { signal })

export const addIncidentReport = (
  id: string,
  report: {
    kind: ReportKind
    channel: ReportChannel
    elements: Record<string, string>
    body: string
  },
) => request<IncidentView>('POST', incidentPath(id, 'reports'), { body: report })

export const requestFollowUp = (id: string, request_: { dueAt: string; note?: string }) =>
  request<IncidentView>('POST', incidentPath(id, 'follow-up-requests'), { body: request_ })

export const closeIncident = (id: string) =>
  request<IncidentView>('POST', incidentPath(id, 'close'), { body: {} })

export const fetchLateRegister = (period: { from?: string; to?: string }, signal?: AbortSignal) =>
  request<LateRegister>('GET', '/api/duty/late-register', { query: period, signal })

/** 核实 of a register line: 属实 (stays a 迟报/漏报) or 不予通报, with the reason. */
export const reviewLateEntry = (
  id: string,
  review: { decision: LateEntryDecision; reason: string },
) =>
  request<LateEntry>('POST', `/api/duty/late-register/${encodeURIComponent(id)}/review`, {
    body: review,
  })

export const fetchDutyCirculars = async (signal?: AbortSignal) =>
  (await request<{ circulars: DutyCircular[] }>('GET', '/api/duty/circulars', { signal })).circulars

export const issueDutyCircular = (circular: {
  from: string
  to: string
  entryIds?: string[]
  title?: string
}) => request<DutyCircular>('POST', '/api/duty/circulars', { body: circular })

export const fetchDutyCircular = (id: string, signal?: AbortSignal) =>
  request<DutyCircular>('GET', `/api/duty/circulars/${encodeURIComponent(id)}`, { signal })

export const fetchOpinions = (signal?: AbortSignal) =>
  request<OpinionList>('GET', '/api/opinions', { signal })

export const fetchOpinionOptions = (on: string | undefined, signal?: AbortSignal) =>
  request<CategoryOptions>('GET', '/api/opinions/options', { query: { on }, signal })

export const createOpinion = (item: {
  category: string
  title: string
  summary?: string
  source: string
  sourceUrl?: string
  surfacedAt: string
}) => request<OpinionView>('POST', '/api/opinions', { body: item })

export const fetchOpinion = (id: string, signal?: AbortSignal) =>
  request<OpinionView>('GET', opinionPath(id), { signal })

export const respondToOpinion = (
  id: string,
  response: { stepAct?: string; publishedAt: string; channel: string; url?: string; body: string },
) => request<OpinionView>('POST', opinionPath(id, 'responses'), { body: response })

export const closeOpinion = (id: string) =>
  request<OpinionView>('POST', opinionPath(id, 'close'), { body: {} })

/** The duty office's live stream (Server-Sent Events, signed in by the session cookie). */
export const DUTY_STREAM = '/api/duty/stream'

/** What the stream says happened: a new incident or report, a passed deadline, a new opinion. */
export interface DutyEvent {
  type: 'incident' | 'overdue' | 'opinion' | 'report' | string
  id: string
}
