import { z } from 'zod'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { categoryOption, rulesByCategory, withinText } from './timed-steps.ts'

/**
 * The public-opinion categories an item may be filed under on a day, each with its response
 * steps: the jurisdiction's own and the national base's, a jurisdiction's rule for a category
 * replacing the base's.
 */
export const publicOpinionOptions = defineDecision({
  name: 'public-opinion-options',
  title: '政务舆情回应类别',
  kinds: ['publicOpinion'],
  input: z.strictObject({ on: localDateInput }),
  decide(context, input) {
    const rules = rulesByCategory(context.rulebook, 'publicOpinion', input.on)
    if (rules.length === 0) throw noRule(context, '政务舆情回应时限')
    return {
      outcome: { categories: rules.map(categoryOption) },
      summary: rules
        .map(
          (rule) =>
            `${rule.params.category.label}：${rule.params.steps.map((s) => `${withinText(s.within)}${s.act.label}`).join('，')}`,
        )
        .join('；'),
      citations: cite(...rules),
      warnings: [],
    }
  },
})
