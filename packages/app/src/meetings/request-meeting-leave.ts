import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingParticipant } from './meeting.ts'
import { leaveRuleFor } from './meeting-leave-rule.ts'

/**
 * 会议请假: a participant who cannot attend asks the post the rulebook names (会议召集人, 钟山
 * 第四十七条), naming a substitute where it requires one (明确代会人员).
 */
export function requestMeetingLeave(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; reason: string; substitute?: string },
): Promise<MeetingParticipant> {
  const reason = input.reason.trim()
  if (!reason) throw new InvalidInputError('REASON_REQUIRED', '请填写请假事由')
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '请假（应于会前请假）')
    const participants = await r.meetings.participants(meeting.id)
    const me = participants.find((p) => p.postId === post.postId)
    if (!me)
      throw new NotPermittedError('NOT_A_PARTICIPANT', `${post.title}不是本次会议的参加或列席人员`)
    if (me.attendance !== 'invited')
      throw new InvalidInputError('LEAVE_ALREADY_REQUESTED', '已就本次会议请过假')
    const rule = leaveRuleFor(deps.rules, meeting, post.role)
    const substitute = input.substitute?.trim() || null
    if (rule.substituteRequired && !substitute)
      throw new RuleRefusedError(
        'SUBSTITUTE_REQUIRED',
        `请假须明确代会人员。${rule.summary}`,
        rule.citations,
      )
    const changes = {
      attendance: 'leaveRequested' as const,
      leaveReason: reason,
      substitute,
      leaveRequestedAt: at,
      leaveRuleIds: ruleIdsOf(rule.citations),
    }
    await r.meetings.updateParticipant(meeting.id, post.postId, changes)
    return {
      action: 'requestLeave',
      text: reason,
      ruleIds: ruleIdsOf(rule.citations),
      details: { substitute, approver: rule.approver },
      result: { ...me, ...changes },
    }
  })
}
