import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { matchScore } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { categoriesNamed, dateOrInstantInput } from './inputs.ts'
import { postTitles } from './post-titles.ts'
import { timedSteps } from './timed-steps.ts'

/**
 * A period that runs from a named event: "自收文之日起3个工作日内办结", "会后7个工作日内公开".
 * Workflows ask by the event (documentReceived…) with the matter's categories; a rule whose
 * `when` the categories meet (事项较为复杂涉及面广) replaces the general rule for the event.
 */
export const eventDeadline = defineDecision({
  name: 'event-deadline',
  title: '事项办理时限',
  kinds: ['deadline', 'periodComputation'],
  input: z.strictObject({
    event: z.string(),
    /** Date (YYYY-MM-DD) of the event, or a date-time for hour periods (no offset: Asia/Shanghai). */
    at: dateOrInstantInput,
    /** What the matter is, for rules that depend on it: complexMatter (事项较为复杂涉及面广). */
    categories: z.array(z.string()).optional(),
  }),
  codes(rulebook, input) {
    const forEvent = rulesOfKind(rulebook, 'deadline', input.at.slice(0, 10)).filter(
      (r) => r.params.event.code === input.event,
    )
    if (forEvent.length === 0) return undefined
    return {
      categories: {
        known: categoriesNamed(forEvent),
        what: `"${forEvent[0]?.params.event.label ?? input.event}"的办理时限规则`,
      },
    }
  },
  decide(context, input) {
    const facts = { categories: input.categories ?? [] }
    const forEvent = rulesOfKind(context.rulebook, 'deadline', input.at.slice(0, 10))
      .filter((r) => r.params.event.code === input.event)
      .map((rule) => ({ rule, score: matchScore(rule.when, facts) }))
      .filter(({ score }) => score >= 0)
    const best = Math.max(...forEvent.map(({ score }) => score))
    const rules = forEvent.filter(({ score }) => score === best).map(({ rule }) => rule)
    if (rules.length === 0) throw noRule(context, `"${input.event}"的办理时限`)
    const from = input.at.length === 10 ? `${input.at}T00:00:00+08:00` : input.at
    const results = rules.map((rule) => {
      const timed = timedSteps(context, from, [
        { act: rule.params.event, within: rule.params.within, to: rule.params.actor },
      ])
      return { rule, timed, step: timed.steps[0] as (typeof timed.steps)[number] }
    })
    return {
      outcome: {
        deadlines: results.map(({ rule, step }) => ({
          ruleId: rule.id,
          act: rule.params.act ?? null,
          within: step.within,
          due: step.due,
          actor: rule.params.actor ?? [],
        })),
        due: results.map(({ step }) => step.due).sort()[0],
      },
      summary: results
        .map(
          ({ rule, step }) =>
            `${rule.params.event.label}起${formatPeriod(step.within)}内${rule.params.actor ? `由${postTitles(context.rulebook, rule.params.actor)}` : ''}${rule.params.act ?? '办结'}，截止 ${step.due}`,
        )
        .join('；'),
      citations: cite(...results.flatMap(({ rule, timed }) => [rule, ...timed.periodRules])),
      warnings: results.flatMap(({ timed }) => timed.warnings),
    }
  },
})
