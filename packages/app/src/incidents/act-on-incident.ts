import { type ActDeps, type ActFrame, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import type { NewDutyEvent } from '../duty/duty-events.ts'
import { recordDutyEvent } from '../duty/duty-events.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  type IncidentChanges,
  type IncidentFollowUpRequest,
  type IncidentRecord,
  type IncidentReport,
  INCIDENT_STATUS_LABELS,
  type LateEntry,
  type LoadedIncident,
} from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'

/** Incident acts take what every act takes (acts/act-kernel.ts). */
export type IncidentDeps = ActDeps

export const INCIDENT_NOT_FOUND = () =>
  new NotFoundError('INCIDENT_NOT_FOUND', '没有这个突发事件报告，或您无权查看')

/** What one act on an incident decides; the store writes it in batches. */
export interface IncidentActOutcome {
  action: string
  text: string | null
  changes: IncidentChanges
  report?: IncidentReport
  followUp?: IncidentFollowUpRequest
  /** 续报 requests a report satisfied. */
  satisfiedFollowUps?: string[]
  late?: LateEntry[]
  timers?: ScheduledTimer[]
  notify?: NewNotification[]
  event?: Omit<NewDutyEvent, 'jurisdictionId' | 'subject' | 'subjectId' | 'at' | 'secrecy'>
}

/**
 * One act on an incident, on the act kernel: locked and loaded through the incident scope (not
 * visible = not found) with its reports, requests and register lines; the act decides; the store
 * writes the change, the report or request, register lines, timers, messages, the duty event and
 * the audit record. Answers the incident as it now stands, from the state in hand.
 */
export async function actOnIncident(
  deps: IncidentDeps,
  session: SessionRecord,
  incidentId: string,
  act: (frame: ActFrame, loaded: LoadedIncident) => Promise<IncidentActOutcome>,
): Promise<{ after: LoadedIncident; frame: ActFrame }> {
  let frameOf: ActFrame | undefined
  const { after } = await runAct(deps, session, incidentId, incidentStore(deps), (frame, l) => {
    frameOf = frame
    return act(frame, l)
  })
  return { after, frame: frameOf as ActFrame }
}

function incidentStore(
  deps: IncidentDeps,
): SubjectStore<LoadedIncident, IncidentActOutcome, LoadedIncident> {
  return {
    lock: ({ r, actor, today }, id) =>
      r.incidents.load(incidentScopeOf(deps.rules, actor, today), id, { forUpdate: true }),
    notFound: INCIDENT_NOT_FOUND,
    async apply({ r, actor, at }, loaded, outcome) {
      const before = loaded.record
      const record: IncidentRecord = {
        ...before,
        ...outcome.changes,
        version: before.version + 1,
      }
      await r.incidents.update(before.id, outcome.changes)
      if (outcome.report) await r.incidents.insertReport(outcome.report)
      if (outcome.followUp) await r.incidents.insertFollowUp(outcome.followUp)
      if (outcome.satisfiedFollowUps?.length && outcome.report)
        await r.incidents.satisfyFollowUps(outcome.satisfiedFollowUps, outcome.report.id)
      if (outcome.late?.length) await r.incidents.registerLate(outcome.late)
      if (outcome.timers?.length) await r.jobs.scheduleAll(outcome.timers)
      if (outcome.notify?.length) await r.notifications.notifyAll(outcome.notify)
      if (outcome.event)
        await recordDutyEvent(r, {
          ...outcome.event,
          jurisdictionId: record.jurisdictionId,
          subject: 'incident',
          subjectId: record.id,
          secrecy: record.secrecy,
          at,
        })
      await auditIncident(r, deps, {
        record,
        before,
        at,
        personId: actor.personId,
        postId: actor.currentPost.postId,
        action: outcome.action,
        text: outcome.text,
      })
      const satisfied = new Set(outcome.satisfiedFollowUps ?? [])
      const lateKeys = new Set((outcome.late ?? []).map((line) => line.entryKey))
      return {
        ...loaded,
        record,
        reports: outcome.report
          ? [...loaded.reports, { ...outcome.report, reportedByName: null }]
          : loaded.reports,
        followUps: [
          ...loaded.followUps.map((f) =>
            satisfied.has(f.id) && outcome.report
              ? { ...f, satisfiedReportId: outcome.report.id }
              : f,
          ),
          ...(outcome.followUp ? [outcome.followUp] : []),
        ],
        lateEntries: [
          ...loaded.lateEntries.filter((line) => !lateKeys.has(line.entryKey)),
          ...(outcome.late ?? []),
        ],
      }
    },
  }
}

/** The audit record of one act on an incident. */
export async function auditIncident(
  r: Pick<Repositories, 'audit'>,
  deps: Pick<IncidentDeps, 'hasher'>,
  act: {
    record: IncidentRecord
    before: IncidentRecord | null
    at: string
    /** None when the system acts (a timer's escalation). */
    personId: string | null
    postId: string | null
    action: string
    text: string | null
  },
) {
  const state = (record: IncidentRecord) => ({
    status: record.status,
    category: record.category,
    clockFrom: record.clockFrom,
    steps: record.steps.map((s) => [s.act, s.due, s.satisfiedAt, s.overdueAt]),
  })
  await r.audit.append(
    auditEntry({
      jurisdictionId: act.record.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.personId,
      actorPostId: act.postId,
      action: `incident.${act.action}`,
      subject: act.record.id,
      beforeDigest: act.before ? digestOf(state(act.before), deps.hasher) : null,
      afterDigest: digestOf({ ...state(act.record), text: act.text }, deps.hasher),
      ruleIds: act.record.ruleIds,
      details: { reportingDepartmentId: act.record.reportingDepartmentId },
    }),
    deps.hasher,
  )
}

/** Refuses an act on a closed incident. */
export function assertOpen(record: IncidentRecord, act: string): void {
  if (record.status !== 'open')
    throw new NotPermittedError(
      'INCIDENT_CLOSED',
      `该事件当前状态为"${INCIDENT_STATUS_LABELS[record.status]}"，不能${act}`,
    )
}
