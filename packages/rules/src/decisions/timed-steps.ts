import { computeInstantDeadline } from '../periods/compute-deadline.ts'
import { isTimeOfDayUnit, type Period } from '../periods/period.ts'
import type { CalendarWarning } from '../periods/warnings.ts'
import type { ResolvedRule } from '../rulebook/resolve-rulebook.ts'
import type { DecisionContext } from './decision.ts'
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
      for (const citation of deadline.citations) {
        const rule = context.rulebook.rules.find((r) => r.id === citation.ruleId)
        if (rule) periodRules.push(rule)
      }
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
