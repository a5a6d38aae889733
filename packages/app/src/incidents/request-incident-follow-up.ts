import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnIncident, assertOpen, type IncidentDeps } from './act-on-incident.ts'
import type { IncidentFollowUpRequest } from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { followUpTimerOf, incidentTime } from './incident-timers.ts'
import { type IncidentView, incidentViewOf } from './view-incident.ts'

/**
 * 要求续报: the duty office asks the reporting unit for a 续报 by a time (再报要准, 木里 第八十九条).
 * The unit is told; a durable timer at that time writes a 续报超时 line and escalates if none came.
 */
export async function requestIncidentFollowUp(
  deps: IncidentDeps,
  session: SessionRecord,
  input: { incidentId: string; dueAt: string; note?: string },
): Promise<IncidentView> {
  const { after, frame } = await actOnIncident(
    deps,
    session,
    input.incidentId,
    async ({ actor, at, today }, { record }) => {
      assertOpen(record, '要求续报')
      if (!incidentScopeOf(deps.rules, actor, today).seesAll)
        throw new NotPermittedError(
          'INCIDENT_NOT_DUTY_OFFICE',
          '只有值班（应急）部门或政府领导可以要求续报',
        )
      const due = Date.parse(input.dueAt)
      if (Number.isNaN(due) || due <= Date.parse(at))
        throw new InvalidInputError('INCIDENT_FOLLOW_UP_DUE_PAST', '续报时限应晚于现在', [
          { path: 'dueAt', message: '应晚于现在' },
        ])
      const followUp: IncidentFollowUpRequest = {
        id: deps.newId(),
        incidentId: record.id,
        dueAt: new Date(due).toISOString(),
        note: input.note?.trim() ?? '',
        requestedByPersonId: actor.personId,
        requestedAt: at,
        satisfiedReportId: null,
      }
      return {
        action: 'requestFollowUp',
        text: followUp.note || null,
        changes: {},
        followUp,
        timers: [followUpTimerOf(record, followUp)],
        notify: [
          {
            jurisdictionId: record.jurisdictionId,
            recipient: { departmentId: record.reportingDepartmentId },
            kind: 'incident',
            title: `要求续报："${record.title}"请于${incidentTime(followUp.dueAt)}前续报`,
            body: followUp.note,
            link: `/incidents/${record.id}`,
            secrecy: record.secrecy,
            at,
            dedupeKey: `incident:${record.id}:follow-up:${followUp.id}:asked`,
          },
        ],
      }
    },
  )
  return incidentViewOf(deps.rules, after, frame)
}
