import { computeDeadline, type DateDeadline } from '../periods/compute-deadline.ts'
import type { Period } from '../periods/period.ts'
import type { PeriodRules } from '../periods/period-rules.ts'
import { type ResolvedRule, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import type { DecisionContext } from './decision.ts'

/** The period rules a rulebook states, each with the rule that states it. */
export function periodRulesOf(context: DecisionContext): {
  rules: PeriodRules
  sources: Partial<Record<keyof PeriodRules, ResolvedRule>>
} {
  const rules: PeriodRules = {
    startDayExcluded: false,
    monthEndWhenNoCorrespondingDay: false,
    extendWhenLastDayIsRestDay: false,
  }
  const sources: Partial<Record<keyof PeriodRules, ResolvedRule>> = {}
  for (const rule of rulesOfKind(context.rulebook, 'periodComputation')) {
    for (const key of Object.keys(rules) as (keyof PeriodRules)[]) {
      const value = rule.params[key]
      if (value !== undefined) {
        rules[key] = value
        sources[key] = rule
      }
    }
  }
  return { rules, sources }
}

/** A deadline on the rulebook's calendar, citing the period articles it applied. */
export function deadlineFrom(
  context: DecisionContext,
  start: string,
  period: Period,
): DateDeadline & { periodRules: ResolvedRule[] } {
  const { rules, sources } = periodRulesOf(context)
  const result = computeDeadline({ start, period, calendar: context.calendar, rules })
  const periodRules = result.applied.flatMap((key) => sources[key] ?? [])
  return { ...result, periodRules }
}
