import { z } from 'zod'
import { defineDecision, noRule } from './decision.ts'
import { instantInput } from './inputs.ts'
import { categorisedStepsResult, rulesByCategory } from './timed-steps.ts'

/**
 * Reporting deadlines for an incident, from the moment it happened or became known: each step
 * with its due instant and the channel that satisfies it, and the elements a report carries.
 * A jurisdiction's rule for a category replaces the national base's for the same category.
 */
export const incidentReportDeadline = defineDecision({
  name: 'incident-report-deadline',
  title: '突发事件信息报送时限',
  kinds: ['incidentReport'],
  input: z.strictObject({ category: z.string(), occurredAt: instantInput }),
  codes(rulebook, input) {
    const rules = rulesByCategory(rulebook, 'incidentReport', input.occurredAt.slice(0, 10))
    if (rules.length === 0) return undefined
    const known = new Set(rules.map((rule) => rule.params.category.code))
    return { category: { known, what: '突发事件信息报送规则' } }
  },
  decide(context, input) {
    const rule = rulesByCategory(
      context.rulebook,
      'incidentReport',
      input.occurredAt.slice(0, 10),
    ).find((r) => r.params.category.code === input.category)
    if (!rule) throw noRule(context, `"${input.category}"类事件的报送时限`)
    return categorisedStepsResult(context, rule, input.occurredAt)
  },
})
