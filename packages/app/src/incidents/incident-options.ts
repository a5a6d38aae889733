import { type Citation, type Period, shanghaiDateOf } from '@zhengling/rules'
import { actorOfSession } from '../acts/actor.ts'
import { ask } from '../documents/document-rules.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { RulesPort } from '../rules-port.ts'
import type { IncidentElement, StepChannel } from './incident.ts'
import { periodText } from './incident-steps.ts'

export interface IncidentCategoryOption {
  code: string
  label: string
  steps: { act: string; label: string; within: string; channel: StepChannel; to: string[] }[]
  elements: IncidentElement[]
}

/**
 * The categories a reporting unit may pick with their steps and elements, the county's own and
 * the national base's (incident-report-options, contract C1), with their articles.
 */
export async function incidentOptions(
  r: Pick<Repositories, 'organisation'>,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<{ categories: IncidentCategoryOption[]; citations: Citation[] }> {
  const now = deps.now()
  const on = shanghaiDateOf(now.getTime())
  const { jurisdictionId } = await actorOfSession(r, session, now)
  const rules = deps.rules
  const answer = ask<{
    categories: {
      code: string
      label: string
      steps: {
        act: string
        label: string
        within: Period | string
        channel?: StepChannel
        to?: string[]
      }[]
      elements?: IncidentElement[]
    }[]
  }>(rules, jurisdictionId, 'incident-report-options', { on })
  return {
    categories: (answer?.outcome.categories ?? []).map((category) => ({
      code: category.code,
      label: category.label,
      steps: category.steps.map((step) => ({
        act: step.act,
        label: step.label,
        within: periodText(step.within),
        channel: step.channel ?? 'any',
        to: step.to ?? [],
      })),
      elements: category.elements ?? [],
    })),
    citations: answer?.citations ?? [],
  }
}
