import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession, type ActingActor } from '../acts/actor.ts'
import { citationsOf } from '../documents/document-rules.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { INCIDENT_NOT_FOUND } from './act-on-incident.ts'
import {
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_REPORT_KIND_LABELS,
  INCIDENT_STATUS_LABELS,
  type IncidentRecord,
  type IncidentStatus,
  type IncidentStep,
  LATE_ENTRY_KIND_LABELS,
  type LoadedIncident,
} from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { minutesLate } from './incident-steps.ts'
import { timeLimitWarningOf, UNLISTED_CATEGORY } from './time-limit-warning.ts'

export type IncidentAct = 'report' | 'requestFollowUp' | 'close'

/** A step's state at `now`: 已报, 迟报 (reported after due), 待报 (counting down), 超时未报. */
export type StepState = 'done' | 'late' | 'open' | 'overdue'

export function stepStateOf(step: IncidentStep, now: string): StepState {
  if (step.satisfiedAt) return Date.parse(step.satisfiedAt) > Date.parse(step.due) ? 'late' : 'done'
  return Date.parse(now) > Date.parse(step.due) ? 'overdue' : 'open'
}

export const STEP_STATE_LABELS: Record<StepState, string> = {
  done: '已按时报送',
  late: '迟报',
  open: '待报送',
  overdue: '超时未报',
}

/** An incident's line in lists and on the duty board: its steps with the time left. */
export function incidentSummaryOf(record: IncidentRecord, departmentName: string, now: string) {
  return {
    id: record.id,
    category: record.category,
    categoryLabel: record.categoryLabel,
    title: record.title,
    place: record.place,
    occurredAt: record.occurredAt,
    knownAt: record.knownAt,
    clockFrom: record.clockFrom,
    status: record.status,
    statusLabel: INCIDENT_STATUS_LABELS[record.status],
    reportingDepartment: { id: record.reportingDepartmentId, name: departmentName },
    steps: record.steps.map((step) => {
      const state = stepStateOf(step, now)
      return {
        act: step.act,
        label: step.label,
        within: step.within,
        channel: step.channel,
        due: step.due,
        to: step.to,
        satisfiedAt: step.satisfiedAt,
        overdueAt: step.overdueAt,
        /** Whole minutes late, rounded up as the 迟报漏报 register counts them (null: on time, open). */
        minutesLate: state === 'late' ? minutesLate(step.due, step.satisfiedAt!) : null,
        state,
        stateLabel: STEP_STATE_LABELS[state],
        /** Seconds to the due instant at the server's now (negative: past it). */
        secondsLeft: Math.floor((Date.parse(step.due) - Date.parse(now)) / 1000),
        /**
         * 立即 (托克逊 七十六): the period is zero, so the step is due the instant the clock starts;
         * shown as 立即 with the time since then, not as a countdown.
         */
        immediate: Date.parse(step.due) <= Date.parse(record.clockFrom),
        /** Seconds from the clock's start (occurred or known) to the server's now. */
        secondsSinceStart: Math.floor((Date.parse(now) - Date.parse(record.clockFrom)) / 1000),
      }
    }),
    overdue: record.steps.some((step) => stepStateOf(step, now) === 'overdue'),
    /** Reported where no time limit is loaded: no steps, no timers (the view says why). */
    untimed: record.category === UNLISTED_CATEGORY,
    ruleIds: record.ruleIds,
  }
}

/** A step or 续报 request still open and not yet due (it holds the close back, close-incident). */
const openNotYetDue = (loaded: LoadedIncident, at: string) =>
  [
    ...loaded.record.steps.filter((s) => !s.satisfiedAt).map((s) => s.due),
    ...loaded.followUps.filter((f) => !f.satisfiedReportId).map((f) => f.dueAt),
  ].some((due) => Date.parse(due) > Date.parse(at))

/** What the actor may do with the incident now. */
function actsOf(
  loaded: LoadedIncident,
  actor: ActingActor,
  seesAll: boolean,
  at: string,
): IncidentAct[] {
  if (loaded.record.status !== 'open') return []
  const own = actor.departmentIds.includes(loaded.record.reportingDepartmentId)
  const closable =
    seesAll && loaded.reports.some((r) => r.kind === 'final') && !openNotYetDue(loaded, at)
  return [
    ...(own || seesAll ? (['report'] as const) : []),
    ...(seesAll ? (['requestFollowUp'] as const) : []),
    ...(closable ? (['close'] as const) : []),
  ]
}

/** An incident with its steps counting down, reports, 续报 requests, register lines and articles. */
export function incidentViewOf(
  rules: RulesPort,
  loaded: LoadedIncident,
  frame: { actor: ActingActor; at: string; today: string },
) {
  const { record } = loaded
  const seesAll = incidentScopeOf(rules, frame.actor, frame.today).seesAll
  const citations: Citation[] = citationsOf(
    rules,
    record.jurisdictionId,
    record.ruleIds,
    shanghaiDateOf(Date.parse(record.clockFrom)),
  )
  const stepLabel = (act: string | null) =>
    act ? (record.steps.find((s) => s.act === act)?.label ?? act) : '续报'
  return {
    ...incidentSummaryOf(record, loaded.departmentName, frame.at),
    serverNow: frame.at,
    elements: record.elements,
    reports: loaded.reports.map((report) => ({
      id: report.id,
      kind: report.kind,
      kindLabel: INCIDENT_REPORT_KIND_LABELS[report.kind],
      channel: report.channel,
      channelLabel: INCIDENT_CHANNEL_LABELS[report.channel],
      reportedAt: report.reportedAt,
      elements: report.elements,
      body: report.body,
      reportedByName: report.reportedByName,
      late: report.late,
    })),
    followUps: loaded.followUps.map((f) => ({
      id: f.id,
      dueAt: f.dueAt,
      note: f.note,
      requestedAt: f.requestedAt,
      satisfied: f.satisfiedReportId !== null,
    })),
    lateEntries: loaded.lateEntries.map((line) => ({
      id: line.id,
      kind: line.kind,
      kindLabel: LATE_ENTRY_KIND_LABELS[line.kind],
      stepLabel: stepLabel(line.stepAct),
      dueAt: line.dueAt,
      reportedAt: line.reportedAt,
      minutesLate: line.minutesLate,
    })),
    citations,
    timeLimitWarning: record.category === UNLISTED_CATEGORY ? timeLimitWarningOf(citations) : null,
    acts: actsOf(loaded, frame.actor, seesAll, frame.at),
  }
}

export type IncidentView = ReturnType<typeof incidentViewOf>

async function frameOf(r: Repositories, deps: { now: () => Date }, session: SessionRecord) {
  const now = deps.now()
  const actor = actingIn(await actorOfSession(r, session, now))
  return { actor, at: now.toISOString(), today: shanghaiDateOf(now.getTime()) }
}

/** One incident as the viewer may see it (not visible = not found), with the server's now. */
export async function viewIncident(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  incidentId: string,
): Promise<IncidentView> {
  const frame = await frameOf(r, deps, session)
  const loaded = await r.incidents.load(
    incidentScopeOf(deps.rules, frame.actor, frame.today),
    incidentId,
  )
  if (!loaded) throw INCIDENT_NOT_FOUND()
  return incidentViewOf(deps.rules, loaded, frame)
}

/** The incidents the viewer may see (the reporting unit its own), newest first. */
export async function listIncidents(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  query: { status?: IncidentStatus; departmentId?: string },
) {
  const frame = await frameOf(r, deps, session)
  const scope = incidentScopeOf(deps.rules, frame.actor, frame.today)
  const items = await r.incidents.list(scope, { ...query, limit: 200 })
  return {
    serverNow: frame.at,
    seesAll: scope.seesAll,
    items: items.map((item) => incidentSummaryOf(item, item.departmentName, frame.at)),
  }
}
