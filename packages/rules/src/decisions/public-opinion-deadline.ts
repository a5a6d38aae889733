import { z } from 'zod'
import { defineDecision, noRule } from './decision.ts'
import { instantInput } from './inputs.ts'
import { categorisedStepsResult, rulesByCategory } from './timed-steps.ts'

/**
 * Response deadlines for public opinion on a matter, counted from when it surfaced. A
 * jurisdiction's rule for a category replaces the national base's for the same category.
 */
export const publicOpinionDeadline = defineDecision({
  name: 'public-opinion-deadline',
  title: '政务舆情回应时限',
  kinds: ['publicOpinion'],
  input: z.strictObject({ category: z.string(), surfacedAt: instantInput }),
  codes(rulebook, input) {
    const rules = rulesByCategory(rulebook, 'publicOpinion', input.surfacedAt.slice(0, 10))
    if (rules.length === 0) return undefined
    const known = new Set(rules.map((rule) => rule.params.category.code))
    return { category: { known, what: '政务舆情回应规则' } }
  },
  decide(context, input) {
    const rule = rulesByCategory(
      context.rulebook,
      'publicOpinion',
      input.surfacedAt.slice(0, 10),
    ).find((r) => r.params.category.code === input.category)
    if (!rule) throw noRule(context, `"${input.category}"类舆情的回应时限`)
    return categorisedStepsResult(context, rule, input.surfacedAt)
  },
})
