import type { DecisionOutcome, ResolvedRulebook } from '@zhengling/rules'

/**
 * The jurisdiction's rulebook as use cases ask it: a decision on a date, or the resolved book
 * (posts, prefixes). The HTTP layer builds it from the loaded rulebook library.
 */
export interface RulesPort {
  decide(jurisdictionId: string, decision: string, input: Record<string, unknown>): DecisionOutcome
  rulebook(jurisdictionId: string, on: string): ResolvedRulebook | undefined
  /** Working days from today to a due date on the jurisdiction's calendar; negative when overdue. */
  workingDaysLeft(jurisdictionId: string, today: string, due: string): number
}
