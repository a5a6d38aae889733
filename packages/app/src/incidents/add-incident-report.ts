import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnIncident, assertOpen, type IncidentDeps } from './act-on-incident.ts'
import type { IncidentReport } from './incident.ts'
import { checkedElements, type IncidentReportInput, reportMessages } from './incident-reports.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { satisfyFollowUps, satisfySteps } from './incident-steps.ts'
import { alertRecipients, RECEIVING_UNITS } from './incident-timers.ts'
import { type IncidentView, incidentViewOf } from './view-incident.ts'

/**
 * 续报、终报 (or a report by the other channel: the 书面 report after the phone 首报): the
 * reporting unit sends it, or the duty office records one it received. It satisfies the open steps
 * of its channel and, as a 续报 or 终报, the office's open 续报 requests; each satisfied after its
 * due is a 迟报 line with its minutes (a 漏报 line the timer wrote becomes 迟报).
 */
export async function addIncidentReport(
  deps: IncidentDeps,
  session: SessionRecord,
  input: IncidentReportInput & { incidentId: string },
): Promise<IncidentView> {
  const { after, frame } = await actOnIncident(
    deps,
    session,
    input.incidentId,
    async ({ r, actor, at, today }, loaded) => {
      const { record } = loaded
      assertOpen(record, '报送')
      const own = actor.departmentIds.includes(record.reportingDepartmentId)
      const seesAll = incidentScopeOf(deps.rules, actor, today).seesAll
      if (!own && !seesAll)
        throw new NotPermittedError('INCIDENT_NOT_OWN_UNIT', '只能报送本单位的突发事件')
      if (input.kind === 'first' && loaded.reports.some((report) => report.kind === 'first'))
        throw new NotPermittedError(
          'INCIDENT_FIRST_REPORT_EXISTS',
          '该事件已有首报，请报送续报或终报',
        )
      const elements = checkedElements(record.elements, input)
      const reportId = deps.newId()
      const steps = satisfySteps(record, { id: reportId, channel: input.channel, at }, deps.newId)
      const followUps =
        input.kind === 'first'
          ? { ids: [], late: [] }
          : satisfyFollowUps(record, loaded.followUps, at, deps.newId)
      const late = [...steps.late, ...followUps.late]
      const report: IncidentReport = {
        id: reportId,
        incidentId: record.id,
        kind: input.kind,
        channel: input.channel,
        reportedAt: at,
        elements,
        body: input.body?.trim() ?? '',
        reportedByPersonId: actor.personId,
        receivedByPersonId: own ? null : actor.personId,
        late: late.length > 0,
      }
      const recipients = alertRecipients(await r.organisation.unitPosts(record.jurisdictionId), [
        ...RECEIVING_UNITS,
        ...record.steps.flatMap((step) => step.to),
      ])
      return {
        action: input.kind,
        text: report.body || null,
        changes: { steps: steps.steps },
        report,
        satisfiedFollowUps: followUps.ids,
        late,
        notify: reportMessages(record, loaded.departmentName, recipients, report, at),
        event: { type: 'report', departmentIds: [record.reportingDepartmentId] },
      }
    },
  )
  return incidentViewOf(deps.rules, after, frame)
}
