import type { Actor } from '../acts/actor.ts'
import { dutyEventAudience } from '../duty/duty-events.ts'
import type { RulesPort } from '../rules-port.ts'
import type { IncidentScope } from './incident.ts'

/**
 * Who sees which incidents (contract C5): the duty office, the government office, the emergency
 * office and the government's leaders see all of the jurisdiction's; a reporting unit its own.
 * The same answer as the duty feed's (duty/duty-events.ts `seesAllDutyMatters`).
 */
export function incidentScopeOf(rules: RulesPort, actor: Actor, today: string): IncidentScope {
  return {
    viewer: actor,
    seesAll: dutyEventAudience(rules, actor, today).seesAll,
  }
}
