import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnIncident, assertOpen, type IncidentDeps } from './act-on-incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { type IncidentView, incidentViewOf } from './view-incident.ts'

/**
 * 终结: the duty office closes an incident after its 终报; the timers still pending then find it
 * closed and do nothing. Steps never reported stay in the register as 漏报.
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
      }
    },
  )
  return incidentViewOf(deps.rules, after, frame)
}
