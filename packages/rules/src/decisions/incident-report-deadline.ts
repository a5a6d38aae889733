import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { instantInput } from './inputs.ts'
import { timedSteps } from './timed-steps.ts'

/** Reporting deadlines for an incident, from the moment it happened or became known. */
export const incidentReportDeadline = defineDecision({
  name: 'incident-report-deadline',
  title: '突发事件信息报送时限',
  kinds: ['incidentReport'],
  input: z.strictObject({ category: z.string(), occurredAt: instantInput }),
  decide(context, input) {
    const rule = rulesOfKind(
      context.rulebook,
      'incidentReport',
      input.occurredAt.slice(0, 10),
    ).find((r) => r.params.category.code === input.category)
    if (!rule) throw noRule(context, `"${input.category}"类事件的报送时限`)
    const timed = timedSteps(context, input.occurredAt, rule.params.steps)
    return {
      outcome: { category: rule.params.category.code, steps: timed.steps },
      summary: `${rule.params.category.label}：${timed.steps.map((s) => `${formatPeriod(s.within)}内${s.label}（${s.due}前）`).join('；')}`,
      citations: cite(rule, ...timed.periodRules),
      warnings: timed.warnings,
    }
  },
})
