import { ask } from '../documents/document-rules.ts'
import { RuleRefusedError } from '../errors.ts'
import type { RulesPort } from '../rules-port.ts'

/**
 * Refuses a meeting on a day the rulebook keeps free of meetings (二连浩特 七十三: 每月第一周为无会周).
 * The text does not say which days are the "first week"; the 1st to the 7th of the month is read
 * here, since a calendar week starting in the previous month would leave the month's first days
 * open to meetings.
 */
export function assertMeetingDateAllowed(
  rules: RulesPort,
  jurisdictionId: string,
  date: string,
): void {
  if (Number(date.slice(8, 10)) > 7) return
  const check = ask<{ allowed: boolean }>(rules, jurisdictionId, 'prohibition-check', {
    act: 'meetingInFirstWeekOfMonth',
  })
  if (check && !check.outcome.allowed)
    throw new RuleRefusedError(
      'MEETING_FREE_WEEK',
      `${date} 在每月第一周（无会周），不安排会议。${check.summary}`,
      check.citations,
    )
}
