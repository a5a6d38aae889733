import { type Citation, type Period, shanghaiDateOf } from '@zhengling/rules'
import { actorOfSession } from '../acts/actor.ts'
import { ask } from '../documents/document-rules.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { RulesPort } from '../rules-port.ts'
import type { IncidentElement, StepChannel } from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { periodText } from './incident-steps.ts'
import {
  reportingArticles,
  type TimeLimitWarning,
  timeLimitWarningOf,
  UNLISTED_CATEGORY,
  UNLISTED_CATEGORY_LABEL,
} from './time-limit-warning.ts'

export interface IncidentCategoryOption {
  code: string
  label: string
  steps: { act: string; label: string; within: string; channel: StepChannel; to: string[] }[]
  elements: IncidentElement[]
}

/**
 * The categories a reporting unit may pick with their steps and elements, the county's own and
 * the national base's (incident-report-options, contract C1), with their articles. Where none is
 * loaded the unit still reports, under the untimed category, with the loud warning.
 */
export async function incidentOptions(
  r: Pick<Repositories, 'organisation'>,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<{
  categories: IncidentCategoryOption[]
  citations: Citation[]
  timeLimitWarning: TimeLimitWarning | null
  /** Whether this post may report for another unit (the duty office and those who see all). */
  mayReportForOtherUnits: boolean
}> {
  const now = deps.now()
  const on = shanghaiDateOf(now.getTime())
  const actor = await actorOfSession(r, session, now)
  const { jurisdictionId } = actor
  const rules = deps.rules
  // The same answer reportIncident gives a unit it names (contract C5).
  const mayReportForOtherUnits = incidentScopeOf(rules, actor, on).seesAll
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
  if (!answer?.outcome.categories.length) {
    const warning = timeLimitWarningOf(reportingArticles(rules, jurisdictionId, on))
    return {
      categories: [UNLISTED_OPTION],
      citations: warning.citations,
      timeLimitWarning: warning,
      mayReportForOtherUnits,
    }
  }
  return {
    categories: answer.outcome.categories.map((category) => ({
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
    citations: answer.citations,
    timeLimitWarning: null,
    mayReportForOtherUnits,
  }
}

/** The one category where no time limit is loaded: no steps, no elements asked. */
const UNLISTED_OPTION: IncidentCategoryOption = {
  code: UNLISTED_CATEGORY,
  label: UNLISTED_CATEGORY_LABEL,
  steps: [],
  elements: [],
}

/** Whether the rulebook in force times any incident category (incident-report-options). */
export function timesIncidents(rules: RulesPort, jurisdictionId: string, on: string): boolean {
  const answer = ask<{ categories: unknown[] }>(rules, jurisdictionId, 'incident-report-options', {
    on,
  })
  return (answer?.outcome.categories.length ?? 0) > 0
}
