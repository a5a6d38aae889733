import { escalateIncident, type Hasher, INCIDENT_TIMER_KINDS, type RulesPort } from '@zhengling/app'
import type { JobHandler } from './job-queue.ts'
import { createRepositories } from './repositories.ts'

type IncidentTimerDeps = {
  now: () => Date
  rules: RulesPort
  newId: () => string
  hasher: Hasher
}

/**
 * The handlers of 突发事件信息报送's durable timers (incident-timers.ts): a step or a 续报 request
 * past its time unsatisfied is escalated once, in its job's transaction (contract C4).
 */
export function incidentTimerHandlers(deps: IncidentTimerDeps): Record<string, JobHandler> {
  const escalate: JobHandler = async (job, trx) => {
    await escalateIncident(createRepositories(trx), deps, {
      incidentId: String(job.payload.incidentId),
      act: typeof job.payload.act === 'string' ? job.payload.act : undefined,
      requestId: typeof job.payload.requestId === 'string' ? job.payload.requestId : undefined,
    })
  }
  return Object.fromEntries(INCIDENT_TIMER_KINDS.map((kind) => [kind, escalate]))
}
