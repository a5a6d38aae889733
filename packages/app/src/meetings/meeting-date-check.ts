import { ask } from '../documents/document-rules.ts'
import { RuleRefusedError } from '../errors.ts'
import type { RulesPort } from '../rules-port.ts'

/**
 * Refuses a meeting on a day the rulebook keeps free of meetings (二连浩特 七十三: 每月第一周为无会周).
 * Which days those are is the rule's date condition, read by the rules core from the date: the
 * workflow only asks whether holding a meeting on that day is allowed.
 */
export function assertMeetingDateAllowed(
  rules: RulesPort,
  jurisdictionId: string,
  date: string,
): void {
  const check = ask<{ allowed: boolean }>(rules, jurisdictionId, 'prohibition-check', {
    act: 'holdMeeting',
    on: date,
  })
  if (check && !check.outcome.allowed)
    throw new RuleRefusedError(
      'MEETING_FREE_WEEK',
      `${date} 不能安排会议。${check.summary}`,
      check.citations,
    )
}
