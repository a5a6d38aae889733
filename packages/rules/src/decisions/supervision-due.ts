import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'
import { postTitles } from './post-titles.ts'

/** When a supervision item from a given source must be done and reported back. */
export const supervisionDue = defineDecision({
  name: 'supervision-due',
  title: '督办事项办理时限',
  kinds: ['supervision', 'periodComputation'],
  input: z.strictObject({ source: z.string(), assignedOn: localDateInput }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'supervision', input.assignedOn).find(
      (r) => r.params.source.code === input.source,
    )
    if (!rule) throw noRule(context, `"${input.source}"督办事项的办理时限`)
    const deadline = deadlineFrom(context, input.assignedOn, rule.params.within)
    const periodRules = deadline.periodRules
    const { feedbackTo, progressEvery } = rule.params
    return {
      outcome: {
        due: deadline.due,
        within: rule.params.within,
        feedbackTo: feedbackTo ?? [],
        progressEvery: progressEvery ?? null,
      },
      summary:
        `${rule.params.source.label}应在${formatPeriod(rule.params.within)}内办结，截止 ${deadline.due}` +
        (feedbackTo?.length ? `，向${postTitles(context.rulebook, feedbackTo)}反馈` : '') +
        (progressEvery ? `；每${formatPeriod(progressEvery)}报告进展` : ''),
      citations: cite(rule, ...periodRules),
      warnings: deadline.warnings,
    }
  },
})
