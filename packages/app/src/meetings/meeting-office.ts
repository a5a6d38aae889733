import type { Responsibility } from '../documents/document-rules.ts'
import { responsibleFor } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'

/**
 * The office that organises the government's meetings — notice, attendance, records (木里 第十八条,
 * 钟山 第四十三条: the government office) — as the rulebook names it.
 */
export function meetingOffice(rules: RulesPort, jurisdictionId: string): Responsibility {
  return responsibleFor(rules, jurisdictionId, 'meetingOrganisation')
}
