import { computeInstantDeadline } from '../periods/compute-deadline.ts'
import { formatPeriod, isTimeOfDayUnit, type Period } from '../periods/period.ts'
import type { CalendarWarning } from '../periods/warnings.ts'
import {
  type ResolvedRule,
  type ResolvedRulebook,
  rulesOfKind,
} from '../rulebook/resolve-rulebook.ts'
import { cite, type DecisionContext } from './decision.ts'
import { deadlineFrom } from './period-support.ts'

/** How a report must be sent to satisfy a step: 电话速报 phone, 书面上报 written, or any. */
export type StepChannel = 'phone' | 'written' | 'any'

export interface TimedStep {
  act: string
  label: string
  within: Period
  due: string
  to: string[]
  channel: StepChannel
}

/** "1小时内", or "立即" for a step due at once (托克逊 七十六 立即报告: 0 minutes). */
export function withinText(within: Period): string {
  return within.amount === 0 ? '立即' : `${formatPeriod(within)}内`
}

/** A step as a rule writes it (incidentReport, publicOpinion), before its due time is known. */
export interface RuleStep {
  act: { code: string; label: string }
  within: Period
  to?: string[]
  channel?: StepChannel
}

/**
 * Deadlines for a sequence of steps counted from one moment: hours and minutes run from the
 * instant, day-based periods from its date in Asia/Shanghai.
 */
export function timedSteps(
  context: DecisionContext,
  from: string,
  steps: readonly RuleStep[],
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
      channel: step.channel ?? 'any',
    }
  })
  return { steps: timed, periodRules, warnings }
}

type CategorisedRule = ResolvedRule & {
  params: {
    category: { code: string; label: string }
    steps: readonly RuleStep[]
    elements?: readonly { code: string; label: string }[]
    elementsNote?: string
  }
}

/**
 * The rules of a categorised kind (incidentReport, publicOpinion) in force on a date, one per
 * category: a jurisdiction's own rule for a category replaces the base rulebook's rule for the
 * same category (木里's and the national base's rules for one code never both apply), and the
 * order is the base's first, then the jurisdiction's.
 */
export function rulesByCategory<K extends 'incidentReport' | 'publicOpinion'>(
  rulebook: ResolvedRulebook,
  kind: K,
  on: string,
): (ResolvedRule & { kind: K })[] {
  const byCode = new Map<string, ResolvedRule & { kind: K }>()
  for (const rule of rulesOfKind(rulebook, kind, on)) {
    const held = byCode.get(rule.params.category.code)
    if (!held || held.origin !== rulebook.id) byCode.set(rule.params.category.code, rule)
  }
  return [...byCode.values()]
}

/** A category as the options decisions list it: its steps without due times, and its elements. */
export function categoryOption(rule: CategorisedRule) {
  return {
    code: rule.params.category.code,
    label: rule.params.category.label,
    steps: rule.params.steps.map((step) => ({
      act: step.act.code,
      label: step.act.label,
      within: step.within,
      channel: step.channel ?? 'any',
      to: step.to ?? [],
    })),
    elements: (rule.params.elements ?? []).map((element) => ({
      code: element.code,
      label: element.label,
    })),
    elementsNote: rule.params.elementsNote ?? null,
    ruleId: rule.id,
  }
}

/** One category of incident-report-options / public-opinion-options. */
export type CategoryOption = ReturnType<typeof categoryOption>

/** The outcome of incident-report-deadline and public-opinion-deadline. */
export type CategorisedStepsOutcome = ReturnType<typeof categorisedStepsResult>['outcome']

/** The answer for a rule that lists timed steps for a category (incident reports, public opinion). */
export function categorisedStepsResult(
  context: DecisionContext,
  rule: CategorisedRule,
  from: string,
) {
  const timed = timedSteps(context, from, rule.params.steps)
  return {
    outcome: {
      category: rule.params.category.code,
      label: rule.params.category.label,
      steps: timed.steps,
      elements: (rule.params.elements ?? []).map((e) => ({ code: e.code, label: e.label })),
      elementsNote: rule.params.elementsNote ?? null,
    },
    summary: `${rule.params.category.label}：${timed.steps.map((s) => `${withinText(s.within)}${s.label}（${s.due}前）`).join('；')}`,
    citations: cite(rule, ...timed.periodRules),
    warnings: timed.warnings,
  }
}
