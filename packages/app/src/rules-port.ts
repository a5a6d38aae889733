import type {
  CalendarDayInfo,
  CalendarWarning,
  DecisionOutcome,
  ResolvedRulebook,
} from '@zhengling/rules'

/**
 * The jurisdiction's rulebook as use cases ask it: a decision on a date, or the resolved book
 * (posts, prefixes). The HTTP layer builds it from the loaded rulebook library.
 */
export interface RulesPort {
  decide(jurisdictionId: string, decision: string, input: Record<string, unknown>): DecisionOutcome
  rulebook(jurisdictionId: string, on: string): ResolvedRulebook | undefined
  /** Working days from today to a due date on the jurisdiction's calendar; negative when overdue. */
  workingDaysLeft(jurisdictionId: string, today: string, due: string): number
  /**
   * The missing-calendar warnings for a count from `from` to `to` (a year whose 国务院 notice is
   * not loaded): a working-days count across such a year is provisional.
   */
  calendarWarnings?(jurisdictionId: string, from: string, to: string): CalendarWarning[]
  /**
   * A day on the jurisdiction's calendar (working day, weekend, a named holiday, with the
   * notice it comes from): duty rosters tell 工作日, 双休日 and 节假日 apart by it.
   */
  calendarDay?(jurisdictionId: string, date: string): CalendarDayInfo
}
