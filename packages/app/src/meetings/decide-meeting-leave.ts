import { ruleIdsOf } from '../documents/document-rules.ts'
import { NotFoundError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingParticipant } from './meeting.ts'
import { leaveRuleFor, mayApproveLeave } from './meeting-leave-rule.ts'

/** 准假 or 不准假 by the post the leave rule names; an approved absence shows its substitute. */
export function decideMeetingLeave(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; postId: string; approve: boolean },
): Promise<MeetingParticipant> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '审批请假')
    const participants = await r.meetings.participants(meeting.id)
    const requester = participants.find((p) => p.postId === input.postId)
    if (!requester || requester.attendance !== 'leaveRequested')
      throw new NotFoundError('LEAVE_NOT_FOUND', '没有待审批的请假')
    const requesterPost = (await r.organisation.unitPosts(meeting.jurisdictionId)).find(
      (candidate) => candidate.postId === input.postId,
    )
    const rule = leaveRuleFor(deps.rules, meeting, requesterPost?.role ?? '')
    if (!mayApproveLeave(post, meeting, rule))
      throw new RuleRefusedError(
        'NOT_LEAVE_APPROVER',
        `${post.title}无权审批该请假。${rule.summary}`,
        rule.citations,
      )
    const changes = {
      attendance: input.approve ? ('onLeave' as const) : ('invited' as const),
      leaveDecidedByPostId: post.postId,
      leaveDecidedAt: at,
    }
    await r.meetings.updateParticipant(meeting.id, input.postId, changes)
    return {
      action: input.approve ? 'approveLeave' : 'refuseLeave',
      ruleIds: ruleIdsOf(rule.citations),
      details: { postId: input.postId, substitute: requester.substitute },
      result: { ...requester, ...changes },
    }
  })
}
