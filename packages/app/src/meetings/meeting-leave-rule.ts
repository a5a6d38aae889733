import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { ask, statedCodes } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'
import type { MeetingRecord } from './meeting.ts'

export interface LeaveRule {
  approver: string[]
  substituteRequired: boolean
  summary: string
  citations: Citation[]
}

/** Who approves a participant's absence from this meeting, and whether a substitute is named. */
export function leaveRuleFor(rules: RulesPort, meeting: MeetingRecord, role: string): LeaveRule {
  // A meeting absence is stated only where the rulebook's leave rules name it (an unknown
  // category is refused); elsewhere the rulebook's general leave rule answers.
  const statesAbsence =
    statedCodes(
      rules,
      meeting.jurisdictionId,
      shanghaiDateOf(Date.parse(meeting.startsAt)),
      {
        decision: 'leave-approval',
        input: { post: role, days: 1, meeting: meeting.meetingType },
        field: 'category',
      },
      ['meetingAbsence'],
    ).length > 0
  const answer = ask<{ approver: string[]; substituteRequired?: boolean }>(
    rules,
    meeting.jurisdictionId,
    'leave-approval',
    // Whose meeting it is decides the approver (延津 二十四: 县长召开的会议 or 副县长召开的会议).
    {
      post: role,
      days: 1,
      meeting: meeting.meetingType,
      ...(statesAbsence ? { category: 'meetingAbsence' } : {}),
    },
  )
  // Where the rulebook is silent, the meeting's convener decides: he called the meeting.
  if (!answer)
    return {
      approver: ['convener'],
      substituteRequired: false,
      summary: '规则库未规定会议请假审批人，由会议召集人审批',
      citations: [],
    }
  return {
    approver: answer.outcome.approver,
    substituteRequired: answer.outcome.substituteRequired ?? false,
    summary: answer.summary,
    citations: answer.citations,
  }
}
