import { formatPeriod, type Period } from '@zhengling/rules'
import type {
  IncidentChannel,
  IncidentFollowUpRequest,
  IncidentRecord,
  IncidentStep,
  LateEntry,
  StepChannel,
} from './incident.ts'

/** A step as incident-report-deadline answers it (contract C1): `channel` defaults to 'any'. */
export interface DecidedStep {
  act: string
  label: string
  within: Period | string
  due: string
  to?: string[]
  channel?: StepChannel
}

/** The period as the article gives it: 1小时, or 立即 for a step due at once (托克逊 七十六). */
export const periodText = (within: Period | string) =>
  typeof within === 'string' ? within : within.amount === 0 ? '立即' : formatPeriod(within)

/** The steps an incident keeps from the rulebook's answer, none satisfied yet. */
export function stepsOf(decided: readonly DecidedStep[]): IncidentStep[] {
  return decided.map((step) => ({
    act: step.act,
    label: step.label,
    within: periodText(step.within),
    channel: step.channel ?? 'any',
    // One shape for instants (UTC ISO) whatever offset the rulebook's answer writes.
    due: new Date(step.due).toISOString(),
    to: step.to ?? [],
    satisfiedAt: null,
    reportId: null,
    overdueAt: null,
  }))
}

/** Whole minutes from `due` to `at`, rounded up (a report one second late is one minute late). */
export const minutesLate = (due: string, at: string) =>
  Math.max(0, Math.ceil((Date.parse(at) - Date.parse(due)) / 60_000))

const registerKey = (incidentId: string, act: string) => `${incidentId}:${act}`
export const followUpKey = (requestId: string) => `follow-up:${requestId}`

/** A register line with its key (one per step or request). */
export type LateEntryWithKey = LateEntry

/**
 * What a report sent through `channel` at `at` does to the steps: it satisfies every open step of
 * that channel or of either (contract C1); each one it satisfies after its due is a 迟报 line
 * with its minutes (a 'missing' line the timer wrote becomes 'late').
 */
export function satisfySteps(
  record: IncidentRecord,
  report: { id: string; channel: IncidentChannel; at: string },
  newId: () => string,
): { steps: IncidentStep[]; late: LateEntryWithKey[] } {
  const late: LateEntryWithKey[] = []
  const steps = record.steps.map((step) => {
    if (step.satisfiedAt || (step.channel !== 'any' && step.channel !== report.channel)) return step
    if (Date.parse(report.at) > Date.parse(step.due))
      late.push({
        ...lateLine(record, newId(), report.at, {
          kind: 'late',
          stepAct: step.act,
          dueAt: step.due,
        }),
        reportedAt: report.at,
        minutesLate: minutesLate(step.due, report.at),
        entryKey: registerKey(record.id, step.act),
      })
    return { ...step, satisfiedAt: report.at, reportId: report.id }
  })
  return { steps, late }
}

/** The 续报 requests a 续报 or 终报 satisfies, and the lines of those it satisfies late. */
export function satisfyFollowUps(
  record: IncidentRecord,
  requests: readonly IncidentFollowUpRequest[],
  at: string,
  newId: () => string,
): { ids: string[]; late: LateEntryWithKey[] } {
  const open = requests.filter((request) => !request.satisfiedReportId)
  return {
    ids: open.map((request) => request.id),
    late: open
      .filter((request) => Date.parse(at) > Date.parse(request.dueAt))
      .map((request) => ({
        ...lateLine(record, newId(), at, {
          kind: 'follow-up-overdue',
          followUpRequestId: request.id,
          dueAt: request.dueAt,
        }),
        reportedAt: at,
        minutesLate: minutesLate(request.dueAt, at),
        entryKey: followUpKey(request.id),
      })),
  }
}

/** A register line of an incident (not yet reported: no report time, no minutes). */
export function lateLine(
  record: IncidentRecord,
  id: string,
  at: string,
  what: Pick<LateEntry, 'kind' | 'dueAt'> & {
    stepAct?: string
    followUpRequestId?: string
  },
): LateEntryWithKey {
  return {
    id,
    jurisdictionId: record.jurisdictionId,
    incidentId: record.id,
    reportingDepartmentId: record.reportingDepartmentId,
    kind: what.kind,
    stepAct: what.stepAct ?? null,
    followUpRequestId: what.followUpRequestId ?? null,
    dueAt: what.dueAt,
    reportedAt: null,
    minutesLate: null,
    ruleIds: record.ruleIds,
    recordedAt: at,
    circularId: null,
    review: null,
    entryKey: what.stepAct
      ? registerKey(record.id, what.stepAct)
      : followUpKey(what.followUpRequestId ?? id),
  }
}
