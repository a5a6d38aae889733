import { computeInstantDeadline } from '../periods/compute-deadline.ts'
import { formatPeriod, isTimeOfDayUnit, type Period } from '../periods/period.ts'
import type { CalendarWarning } from '../periods/warnings.ts'
import type { ResolvedRule } from '../rulebook/resolve-rulebook.ts'
import { cite, type DecisionContext } from './decision.ts'
import { deadlineFrom } from './period-support.ts'

export interface TimedStep {
  act: string
  label: string
  within: Period
  due: string
  to: string[]
}

/**
 * Deadlines for a sequence of steps counted from one moment: hours and minutes run from the
 * instant, day-based periods from its date in Asia/Shanghai.
 */
export function timedSteps(
  context: DecisionContext,
  from: string,
  steps: readonly { act: { code: string; label: string }; within: Period; to?: string[] }[],
): { steps: TimedStep[]; periodRules: ResolvedRule[]; warnings: CalendarWarning[] } {
  const warnings: CalendarWarning[] = []
  const periodRules: ResolvedRule[] = []
  const timed = steps.map((step) => {
    let due: string
    if (isTimeOfDayUnit(step.within.unit)) due = computeInstantDeadline(from, step.within).due
    else {
      const deadline = deadlineFrom(context, from.slice(0, 10), step.within)
      warnings.push(...deadline.warnings)
      periodRules.push(...deadline.periodRules)
      due = deadline.due
    }
    return {
      act: step.act.code,
      label: step.act.label,
      within: step.within,
      due,
      to: step.to ?? [],
    }
  })
  return { steps: timed, periodRules, warnings }
}

/** The answer for a rule that lists timed steps for a category (incident reports, public opinion). */
export function categorisedStepsResult(
  context: DecisionContext,
  rule: ResolvedRule & {
    params: {
      category: { code: string; label: string }
      steps: readonly { act: { code: string; label: string }; within: Period; to?: string[] }[]
    }
  },
  from: string,
) {
  const timed = timedSteps(context, from, rule.params.steps)
  return {
    outcome: { category: rule.params.category.code, steps: timed.steps },
    summary: `${rule.params.category.label}：${timed.steps.map((s) => `${formatPeriod(s.within)}内${s.label}（${s.due}前）`).join('；')}`,
    citations: cite(rule, ...timed.periodRules),
    warnings: timed.warnings,
  }
}
