import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnIncident, assertOpen, type IncidentDeps } from './act-on-incident.ts'
import type { LateEntry, LoadedIncident } from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { lateLine } from './incident-steps.ts'
import { incidentTime } from './incident-timers.ts'
import { type IncidentView, incidentViewOf } from './view-incident.ts'

/**
 * What closing leaves unreported: a step or 续报 request still open and not yet due refuses the
 * close (its timer would find the incident closed and never register it); one past its due
 * unsatisfied becomes a 漏报 / 续报超时 line now, unless its timer already wrote one.
 */
function unreportedOnClose(loaded: LoadedIncident, at: string, newId: () => string): LateEntry[] {
  const { record } = loaded
  const open: { label: string; due: string; stepAct?: string; followUpRequestId?: string }[] = [
    ...record.steps
      .filter((step) => !step.satisfiedAt)
      .map((step) => ({ label: step.label, due: step.due, stepAct: step.act })),
    ...loaded.followUps
      .filter((request) => !request.satisfiedReportId)
      .map((request) => ({ label: '续报', due: request.dueAt, followUpRequestId: request.id })),
  ]
  const notYetDue = open.filter((what) => Date.parse(what.due) > Date.parse(at))
  if (notYetDue.length > 0)
    throw new NotPermittedError(
      'INCIDENT_STEPS_OPEN',
      `该事件尚有未完成的报送（${notYetDue.map((what) => `${what.label}应于${incidentTime(what.due)}前报送`).join('；')}），时限未到，不能终结`,
    )
  const registered = new Set(loaded.lateEntries.map((line) => line.entryKey))
  return open
    .map(({ due, stepAct, followUpRequestId }) =>
      lateLine(record, newId(), at, {
        kind: stepAct ? 'missing' : 'follow-up-overdue',
        dueAt: due,
        stepAct,
        followUpRequestId,
      }),
    )
    .filter((line) => !registered.has(line.entryKey))
}

/**
 * 终结: the duty office closes an incident after its 终报; the timers still pending then find it
 * closed and do nothing. A step or 续报 request never reported is written into the register as
 * 漏报 (续报超时) on closing; one still open and not yet due refuses the close.
 */
export async function closeIncident(
  deps: IncidentDeps,
  session: SessionRecord,
  input: { incidentId: string; note?: string },
): Promise<IncidentView> {
  const { after, frame } = await actOnIncident(
    deps,
    session,
    input.incidentId,
    async ({ actor, at, today }, loaded) => {
      assertOpen(loaded.record, '终结')
      if (!incidentScopeOf(deps.rules, actor, today).seesAll)
        throw new NotPermittedError(
          'INCIDENT_NOT_DUTY_OFFICE',
          '只有值班（应急）部门或政府领导可以终结事件',
        )
      if (!loaded.reports.some((report) => report.kind === 'final'))
        throw new NotPermittedError('INCIDENT_NO_FINAL_REPORT', '该事件尚无终报，不能终结')
      return {
        action: 'close',
        text: input.note?.trim() || null,
        changes: { status: 'closed', closedAt: at },
        late: unreportedOnClose(loaded, at, deps.newId),
      }
    },
  )
  return incidentViewOf(deps.rules, after, frame)
}
