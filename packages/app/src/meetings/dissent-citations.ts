import type { Citation } from '@zhengling/rules'
import { ask } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'

/** The articles on dissent before a meeting (钟山 第四十三条), where the rulebook has them. */
export function dissentCitations(rules: RulesPort, jurisdictionId: string): Citation[] {
  return (
    ask<{ posts: string[] }>(rules, jurisdictionId, 'responsible-posts', {
      matter: 'agendaDissent',
    })?.citations ?? []
  )
}
