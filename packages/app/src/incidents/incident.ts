import type { SecrecyLevel } from '../access/secrecy.ts'
import type { Viewer } from '../access/can-see.ts'

/** How a report reaches the duty office: 电话 or 书面. A step asks one of them or either. */
export type IncidentChannel = 'phone' | 'written'
export type StepChannel = IncidentChannel | 'any'

export const INCIDENT_CHANNEL_LABELS: Record<IncidentChannel, string> = {
  phone: '电话',
  written: '书面',
}

/** 首报、续报、终报. */
export type IncidentReportKind = 'first' | 'follow-up' | 'final'

export const INCIDENT_REPORT_KIND_LABELS: Record<IncidentReportKind, string> = {
  first: '首报',
  'follow-up': '续报',
  final: '终报',
}

export type IncidentStatus = 'open' | 'closed'

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  open: '处置中',
  closed: '已终结',
}

/**
 * One reporting step of an incident as the rulebook set it when the incident was reported
 * (incident-report-deadline: act, label, period, the instant it is due), and what became of it:
 * the report that satisfied it and when, and when it passed its due unsatisfied (escalated).
 */
export interface IncidentStep {
  act: string
  label: string
  /** The period as the article gives it (1小时). */
  within: string
  channel: StepChannel
  due: string
  to: string[]
  satisfiedAt: string | null
  reportId: string | null
  /** When the timer found it past due and unsatisfied (the escalation's instant). */
  overdueAt: string | null
}

/** A report element the rulebook asks for (要素). */
export interface IncidentElement {
  code: string
  label: string
}

export interface IncidentRecord {
  id: string
  jurisdictionId: string
  reportingDepartmentId: string
  category: string
  categoryLabel: string
  title: string
  place: string
  occurredAt: string
  knownAt: string | null
  /** known_at ?? occurred_at: the deadlines run from it. */
  clockFrom: string
  status: IncidentStatus
  steps: IncidentStep[]
  elements: IncidentElement[]
  ruleIds: string[]
  secrecy: SecrecyLevel
  createdByPersonId: string
  createdByPostId: string | null
  createdAt: string
  closedAt: string | null
  version: number
}

export interface IncidentReport {
  id: string
  incidentId: string
  kind: IncidentReportKind
  channel: IncidentChannel
  reportedAt: string
  elements: Record<string, string>
  body: string
  reportedByPersonId: string
  receivedByPersonId: string | null
  late: boolean
}

/** The duty office's request for a 续报 by a time. */
export interface IncidentFollowUpRequest {
  id: string
  incidentId: string
  dueAt: string
  note: string
  requestedByPersonId: string
  requestedAt: string
  satisfiedReportId: string | null
}

export type LateEntryKind = 'late' | 'missing' | 'follow-up-overdue'

export const LATE_ENTRY_KIND_LABELS: Record<LateEntryKind, string> = {
  late: '迟报',
  missing: '漏报（超时未报）',
  'follow-up-overdue': '续报超时',
}

/** A line of the 迟报漏报 register. */
export interface LateEntry {
  id: string
  jurisdictionId: string
  incidentId: string
  reportingDepartmentId: string
  kind: LateEntryKind
  stepAct: string | null
  followUpRequestId: string | null
  dueAt: string
  reportedAt: string | null
  minutesLate: number | null
  ruleIds: string[]
  recordedAt: string
  circularId: string | null
  /** '<incident>:<act>' or 'follow-up:<request>': one line per step or request. */
  entryKey: string
  /** The duty office's 核实 of the line, if any (the line's facts stay as recorded). */
  review: LateEntryReview | null
}

/** 核实: the line stands (confirmed) or is not to be circulated (excused, 不予通报). */
export type LateEntryDecision = 'confirmed' | 'excused'

export const LATE_ENTRY_DECISION_LABELS: Record<LateEntryDecision, string> = {
  confirmed: '核实属实',
  excused: '核实不予通报',
}

export interface LateEntryReview {
  decision: LateEntryDecision
  reason: string
  byPersonId: string
  byPostId: string | null
  at: string
}

/** A register line as the register shows it (with the incident and the unit). */
export interface LateEntryLine extends LateEntry {
  incidentTitle: string
  departmentName: string
  stepLabel: string | null
  /** The reviewer's name, when the line has been reviewed. */
  reviewedByName: string | null
}

/** An incident with its reports, 续报 requests and register lines (one statement). */
export interface LoadedIncident {
  record: IncidentRecord
  departmentName: string
  reports: (IncidentReport & { reportedByName: string | null })[]
  followUps: IncidentFollowUpRequest[]
  lateEntries: LateEntry[]
}

/** A 迟报漏报通报. */
export interface DutyCircular {
  id: string
  jurisdictionId: string
  title: string
  periodFrom: string
  periodTo: string
  entryIds: string[]
  body: { lines: DutyCircularLine[]; text: string }
  issuedByPersonId: string
  issuedByPostId: string | null
  issuedAt: string
  ruleIds: string[]
}

export interface DutyCircularLine {
  entryId: string
  departmentName: string
  incidentTitle: string
  kind: LateEntryKind
  kindLabel: string
  stepLabel: string | null
  dueAt: string
  reportedAt: string | null
  minutesLate: number | null
}

/**
 * Who reads incidents: the viewer's jurisdiction, clearance and units; `seesAll` for the duty
 * office, the government office, the emergency office and the government's leaders (a reporting
 * unit sees its own incidents only).
 */
export interface IncidentScope {
  viewer: Viewer
  seesAll: boolean
}

export interface IncidentChanges {
  steps?: IncidentStep[]
  status?: IncidentStatus
  closedAt?: string | null
}

/** The incidents store, bound to the command's transaction. */
export interface IncidentRepository {
  /** Writes the incident; answers the reporting unit's name. */
  insert(record: IncidentRecord): Promise<{ departmentName: string }>
  /** The incident with its reports, requests and register lines, if the scope sees it (null: the system). */
  load(
    scope: IncidentScope | null,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<LoadedIncident | undefined>
  list(
    scope: IncidentScope,
    filter: { status?: IncidentStatus; departmentId?: string; limit: number },
  ): Promise<(IncidentRecord & { departmentName: string })[]>
  update(id: string, changes: IncidentChanges): Promise<void>
  insertReport(report: IncidentReport): Promise<void>
  insertFollowUp(request: IncidentFollowUpRequest): Promise<void>
  satisfyFollowUps(ids: readonly string[], reportId: string): Promise<void>
  /**
   * Writes register lines; a line for the same step or request already there takes the new
   * kind, report time and minutes (a 'missing' becoming 'late').
   */
  registerLate(entries: readonly LateEntry[]): Promise<void>
  register(scope: IncidentScope, window: { from: string; to: string }): Promise<LateEntryLine[]>
  /** One register line locked for a 核实, if the scope sees its incident (one statement). */
  lockLine(scope: IncidentScope, id: string): Promise<LateEntryLine | undefined>
  /** Records a 核实 on a line (its kind, times and minutes are left as they are). */
  reviewLine(id: string, review: LateEntryReview): Promise<{ reviewedByName: string | null }>
  /** Inserts the circular and marks its lines; answers how many lines it could still take. */
  insertCircular(circular: DutyCircular): Promise<number>
  circulars(jurisdictionId: string): Promise<DutyCircular[]>
  circular(jurisdictionId: string, id: string): Promise<DutyCircular | undefined>
}
