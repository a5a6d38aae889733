import { shanghaiDateOf } from '@zhengling/rules'
import type { Hasher } from '../audit/hasher.ts'
import { recordDutyEvent } from '../duty/duty-events.ts'
import { beijingTime, citationsOfRules, citedText } from '../duty/duty-message-text.ts'
import { dutyLeaderAt } from '../duty/duty-roster-reads.ts'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { NewNotification } from '../notifications/notification.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { IncidentFollowUpRequest, IncidentRecord, IncidentStep } from './incident.ts'
import { auditIncident } from './act-on-incident.ts'
import { lateLine } from './incident-steps.ts'

/**
 * The durable timers of 突发事件信息报送 (contract C4): each reporting step fires at its due
 * instant, each 续报 request at its time. A timer that finds its step satisfied does nothing; one
 * that finds it open marks it overdue, writes the 迟报漏报 line and escalates once.
 */
export const INCIDENT_STEP_DUE = 'incident.stepDue'
export const INCIDENT_FOLLOW_UP_DUE = 'incident.followUpDue'
export const INCIDENT_TIMER_KINDS = [INCIDENT_STEP_DUE, INCIDENT_FOLLOW_UP_DUE] as const

/** The timers of an incident's open steps, written in the act's transaction. */
export function stepTimersOf(record: IncidentRecord): ScheduledTimer[] {
  return record.steps
    .filter((step) => !step.satisfiedAt)
    .map((step) => ({
      kind: INCIDENT_STEP_DUE,
      runAt: step.due,
      jurisdictionId: record.jurisdictionId,
      payload: { incidentId: record.id, act: step.act },
      dedupeKey: `incident:${record.id}:${step.act}:due`,
    }))
}

export function followUpTimerOf(
  record: IncidentRecord,
  request: IncidentFollowUpRequest,
): ScheduledTimer {
  return {
    kind: INCIDENT_FOLLOW_UP_DUE,
    runAt: request.dueAt,
    jurisdictionId: record.jurisdictionId,
    payload: { incidentId: record.id, requestId: request.id },
    dedupeKey: `incident:${record.id}:follow-up:${request.id}:due`,
  }
}

/** The units that receive incident reports: the duty office and those the step names (应急办). */
export const RECEIVING_UNITS = ['dutyOffice', 'emergencyOffice'] as const

/**
 * Whom an incident's alert reaches, among the jurisdiction's posts: the receiving units (the
 * duty office; 应急办 and the units a step names) and the government office director; on an
 * escalation the caller adds the 带班领导 on call and the reporting unit.
 */
export function alertRecipients(
  posts: readonly HeldPost[],
  units: readonly string[],
): { departmentIds: string[]; directorPostIds: string[] } {
  const departmentIds = new Set<string>()
  for (const post of posts)
    if (post.departmentId && units.some((unit) => matchesRulebookPost(post, unit)))
      departmentIds.add(post.departmentId)
  const directorPostIds = posts
    .filter((post) => post.role === 'officeDirector')
    .map((post) => post.postId)
  return { departmentIds: [...departmentIds], directorPostIds }
}

/** The articles of an incident's rules, its message text and times: shared with 政务舆情. */
export const incidentCitations = citationsOfRules
export { citedText }
export const incidentTime = beijingTime

export type IncidentTimerOutcome = 'nothingToDo' | 'escalated'

/**
 * Runs when an incident timer fires, in the timer's transaction (the job's completion commits
 * with it: a restart neither loses nor repeats it). The step (or 续报 request) still open: marked
 * overdue with the instant, a register line ('missing' / 'follow-up-overdue'), ONE
 * 报送超时 message to each of the 带班领导 on call, the receiving units, the office director and
 * the reporting unit, and a duty-board event.
 */
export async function escalateIncident(
  r: Pick<
    Repositories,
    'incidents' | 'notifications' | 'organisation' | 'dutyEvents' | 'dutyRosters' | 'audit'
  >,
  deps: { now: () => Date; rules: RulesPort; newId: () => string; hasher: Hasher },
  timer: { incidentId: string; act?: string; requestId?: string },
): Promise<IncidentTimerOutcome> {
  const loaded = await r.incidents.load(null, timer.incidentId, { forUpdate: true })
  if (!loaded || loaded.record.status !== 'open') return 'nothingToDo'
  const { record } = loaded
  const at = deps.now().toISOString()
  let what: { key: string; label: string; due: string; units: string[] }
  let after = record
  if (timer.act) {
    const step = record.steps.find((s) => s.act === timer.act)
    if (!step || step.satisfiedAt || step.overdueAt) return 'nothingToDo'
    const steps: IncidentStep[] = record.steps.map((s) =>
      s.act === step.act ? { ...s, overdueAt: at } : s,
    )
    await r.incidents.update(record.id, { steps })
    after = { ...record, steps }
    await r.incidents.registerLate([
      lateLine(record, deps.newId(), at, { kind: 'missing', stepAct: step.act, dueAt: step.due }),
    ])
    what = { key: step.act, label: step.label, due: step.due, units: step.to }
  } else {
    const request = loaded.followUps.find((f) => f.id === timer.requestId)
    if (!request || request.satisfiedReportId) return 'nothingToDo'
    await r.incidents.registerLate([
      lateLine(record, deps.newId(), at, {
        kind: 'follow-up-overdue',
        followUpRequestId: request.id,
        dueAt: request.dueAt,
      }),
    ])
    what = { key: `follow-up:${request.id}`, label: '续报', due: request.dueAt, units: [] }
  }
  const leader = await dutyLeaderAt(r, record.jurisdictionId, at)
  const { departmentIds, directorPostIds } = alertRecipients(
    await r.organisation.unitPosts(record.jurisdictionId),
    [...RECEIVING_UNITS, ...what.units],
  )
  const message = (recipient: NewNotification['recipient'], key: string): NewNotification => ({
    jurisdictionId: record.jurisdictionId,
    recipient,
    kind: 'incidentOverdue',
    title: `报送超时：${loaded.departmentName}"${record.title}"${what.label}应于${incidentTime(what.due)}前报送，至今未报`,
    body: citedText(incidentCitations(deps.rules, record, shanghaiDateOf(Date.parse(at)))),
    link: `/incidents/${record.id}`,
    secrecy: record.secrecy,
    at,
    // One escalation per passed deadline and recipient, whatever retries the timer.
    dedupeKey: `incident:${record.id}:${what.key}:overdue:${key}`,
  })
  const unitIds = [...new Set([...departmentIds, record.reportingDepartmentId])]
  await r.notifications.notifyAll([
    ...(leader ? [message({ personId: leader.personId }, `leader:${leader.personId}`)] : []),
    ...unitIds.map((departmentId) => message({ departmentId }, departmentId)),
    ...directorPostIds.map((postId) => message({ postId }, postId)),
  ])
  await recordDutyEvent(r, {
    jurisdictionId: record.jurisdictionId,
    type: 'overdue',
    subject: 'incident',
    subjectId: record.id,
    departmentIds: [record.reportingDepartmentId],
    secrecy: record.secrecy,
    at,
  })
  await auditIncident(r, deps, {
    record: after,
    before: record,
    at,
    personId: null,
    postId: null,
    action: 'overdue',
    text: what.label,
  })
  return 'escalated'
}
