import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { defineDecision, noRule } from './decision.ts'
import { instantInput } from './inputs.ts'
import { categorisedStepsResult } from './timed-steps.ts'

/** Reporting deadlines for an incident, from the moment it happened or became known. */
export const incidentReportDeadline = defineDecision({
  name: 'incident-report-deadline',
  title: '突发事件信息报送时限',
  kinds: ['incidentReport'],
  input: z.strictObject({ category: z.string(), occurredAt: instantInput }),
  codes(rulebook, input) {
    const rules = rulesOfKind(rulebook, 'incidentReport', input.occurredAt.slice(0, 10))
    if (rules.length === 0) return undefined
    const known = new Set(rules.map((rule) => rule.params.category.code))
    return { category: { known, what: '突发事件信息报送规则' } }
  },
  decide(context, input) {
    const rule = rulesOfKind(
      context.rulebook,
      'incidentReport',
      input.occurredAt.slice(0, 10),
    ).find((r) => r.params.category.code === input.category)
    if (!rule) throw noRule(context, `"${input.category}"类事件的报送时限`)
    return categorisedStepsResult(context, rule, input.occurredAt)
  },
})
