import type { Citation } from '@zhengling/rules'
import { ask } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'
import type { MeetingParticipant, MeetingRecord } from './meeting.ts'

export interface QuorumCheck {
  /** null when the rulebook sets no quorum for this meeting. */
  quorate: boolean | null
  members: number
  present: number
  minimum: number | null
  summary: string
  citations: Citation[]
}

/**
 * The quorum of the meeting's members (组成人员是议事主体) given who is present: a substitute
 * attends but does not count as the member (代会人员 is not 组成人员).
 */
export function quorumOf(
  rules: RulesPort,
  meeting: MeetingRecord,
  participants: readonly Pick<MeetingParticipant, 'role' | 'postId'>[],
  presentPostIds: ReadonlySet<string>,
): QuorumCheck {
  const members = participants.filter((p) => p.role === 'member')
  const present = members.filter((p) => presentPostIds.has(p.postId)).length
  if (members.length === 0)
    return {
      quorate: null,
      members: 0,
      present,
      minimum: null,
      summary: '本会议不设组成人员，不计法定人数',
      citations: [],
    }
  const answer = ask<{ quorate: boolean; minimum: number }>(
    rules,
    meeting.jurisdictionId,
    'meeting-quorum',
    {
      meeting: meeting.meetingType,
      members: members.length,
      present,
    },
  )
  if (!answer)
    return {
      quorate: null,
      members: members.length,
      present,
      minimum: null,
      summary: '规则库未规定该会议的法定人数',
      citations: [],
    }
  return {
    quorate: answer.outcome.quorate,
    members: members.length,
    present,
    minimum: answer.outcome.minimum,
    summary: answer.summary,
    citations: answer.citations,
  }
}
