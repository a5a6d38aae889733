import { ruleIdsOf } from '../documents/document-rules.ts'
import { NotFoundError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingParticipant } from './meeting.ts'
import { describeHoldings, loadMeetingRoster, recorderContextOf } from './agenda-recorders.ts'
import { leaveRuleFor } from './meeting-leave-rule.ts'
import { leaveApproversOf } from './meeting-plan.ts'
import { meetingDateOf } from './meeting-types.ts'

/** 准假 or 不准假 by the post the leave rule names; an approved absence shows its substitute. */
export function decideMeetingLeave(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; postId: string; approve: boolean },
): Promise<MeetingParticipant> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at, today }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '审批请假')
    const participants = await r.meetings.participants(meeting.id)
    const requester = participants.find((p) => p.postId === input.postId)
    if (!requester || requester.attendance !== 'leaveRequested')
      throw new NotFoundError('LEAVE_NOT_FOUND', '没有待审批的请假')
    const requesterPost = (await r.organisation.unitPosts(meeting.jurisdictionId)).find(
      (candidate) => candidate.postId === input.postId,
    )
    const rule = leaveRuleFor(deps.rules, meeting, requesterPost?.role ?? '')
    const rulebook = deps.rules.rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
    if (!rulebook) throw new NotFoundError('RULEBOOK_NOT_FOUND', '本辖区没有生效的规则库')
    const roster = await loadMeetingRoster(r, {
      rulebook,
      jurisdictionId: meeting.jurisdictionId,
      on: today,
    })
    // 会议召集人/主持人 is this meeting's presider; 分管副职 the requester's unit's (or the head's).
    const approvers = leaveApproversOf(
      roster,
      meeting,
      requesterPost ?? { departmentId: null },
      rule.approver,
    )
    if (!approvers.some((approver) => approver.postId === post.postId))
      throw new RuleRefusedError(
        'NOT_LEAVE_APPROVER',
        `${post.title}无权审批该请假：应由${describeHoldings(
          recorderContextOf(roster, { submittingDepartmentId: '', presiderPostId: null }),
          rule.approver,
          approvers.filter((approver) => approver.holders.length > 0),
        )}审批。${rule.summary}`,
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
