import { z } from 'zod'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { categoryOption, rulesByCategory, withinText } from './timed-steps.ts'

/**
 * The incident categories a reporting unit may pick on a day, each with its steps (what is due
 * how long after the incident happened or became known, by which channel, to whom) and the
 * elements a report carries: the jurisdiction's own and the national base's, a jurisdiction's
 * rule for a category replacing the base's. None: RULE_NOT_FOUND (the rules in force set no
 * reporting time limit; the deployment loads the province's or city's with its source).
 */
export const incidentReportOptions = defineDecision({
  name: 'incident-report-options',
  title: '突发事件信息报送类别',
  kinds: ['incidentReport'],
  input: z.strictObject({ on: localDateInput }),
  decide(context, input) {
    const rules = rulesByCategory(context.rulebook, 'incidentReport', input.on)
    if (rules.length === 0)
      throw noRule(context, '突发事件信息报送时限（按国家、省、市规定的时限载入后方可计时）')
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
