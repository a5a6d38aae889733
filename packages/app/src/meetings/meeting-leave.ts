import type { Citation } from '@zhengling/rules'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingParticipant, MeetingRecord } from './meeting.ts'

interface LeaveRule {
  approver: string[]
  substituteRequired: boolean
  summary: string
  citations: Citation[]
}

/** Who approves a participant's absence from this meeting, and whether a substitute is named. */
function leaveRuleFor(rules: RulesPort, meeting: MeetingRecord, role: string): LeaveRule {
  const answer = ask<{ approver: string[]; substituteRequired?: boolean }>(
    rules,
    meeting.jurisdictionId,
    'leave-approval',
    { post: role, days: 1, category: 'meetingAbsence' },
  )
  // Where the rulebook is silent, the meeting's convener decides: he called the meeting.
  if (!answer) return { approver: ['convener'], substituteRequired: false, summary: '规则库未规定会议请假审批人，由会议召集人审批', citations: [] }
  return {
    approver: answer.outcome.approver,
    substituteRequired: answer.outcome.substituteRequired ?? false,
    summary: answer.summary,
    citations: answer.citations,
  }
}

/** Whether the post is one the leave rule names: 会议召集人 is the meeting's presider. */
function mayApproveLeave(post: HeldPost, meeting: MeetingRecord, rule: LeaveRule): boolean {
  return rule.approver.some((id) =>
    id === 'convener' || id === 'presider'
      ? post.postId === meeting.presiderPostId
      : matchesRulebookPost(post, id),
  )
}

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
    if (!me) throw new NotPermittedError('NOT_A_PARTICIPANT', `${post.title}不是本次会议的参加或列席人员`)
    if (me.attendance !== 'invited')
      throw new InvalidInputError('LEAVE_ALREADY_REQUESTED', '已就本次会议请过假')
    const rule = leaveRuleFor(deps.rules, meeting, post.role)
    const substitute = input.substitute?.trim() || null
    if (rule.substituteRequired && !substitute)
      throw new RuleRefusedError('SUBSTITUTE_REQUIRED', `请假须明确代会人员。${rule.summary}`, rule.citations)
    const changes = { attendance: 'leaveRequested' as const, leaveReason: reason, substitute, leaveRequestedAt: at, leaveRuleIds: ruleIdsOf(rule.citations) }
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
      throw new RuleRefusedError('NOT_LEAVE_APPROVER', `${post.title}无权审批该请假。${rule.summary}`, rule.citations)
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
