import { ruleIdsOf } from '../documents/document-rules.ts'
import { assertOfficePost } from '../documents/document-office.ts'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { type QuorumCheck, quorumOf } from './meeting-quorum.ts'

/**
 * 宣布开会: the office records who is present (核实参会人员, 木里 第十八条) and the meeting opens only
 * with its quorum (钟山 第四十条 过半数; 木里 第十五条 超过二分之一). Without it nothing changes and
 * the refusal says how many are needed.
 */
export function openMeeting(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; presentPostIds: string[] },
): Promise<QuorumCheck> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    const office = meetingOffice(deps.rules, meeting.jurisdictionId)
    assertOfficePost(post, office, '主持会议签到')
    assertMeetingState(meeting, ['agendaApproved'], '开会（须先审定议题）')
    const participants = await r.meetings.participants(meeting.id)
    const present = new Set(input.presentPostIds)
    const unknown = input.presentPostIds.filter((id) => !participants.some((p) => p.postId === id))
    if (unknown.length)
      throw new InvalidInputError('NOT_A_PARTICIPANT', '签到名单中有非本次会议的参会职务')
    const onLeaveButPresent = participants.filter(
      (p) => p.attendance === 'onLeave' && present.has(p.postId),
    )
    if (onLeaveButPresent.length)
      throw new InvalidInputError('ON_LEAVE', '已准假的人员不能同时签到（请假人员由代会人员参会）')
    const quorum = quorumOf(deps.rules, meeting, participants, present)
    if (quorum.quorate === false)
      throw new RuleRefusedError('QUORUM_NOT_MET', quorum.summary, quorum.citations)
    // Those on leave keep their attendance; everyone else is present or absent (one statement).
    const signing = participants.filter((p) => p.attendance !== 'onLeave').map((p) => p.postId)
    await r.meetings.recordAttendance(meeting.id, {
      present: signing.filter((postId) => present.has(postId)),
      absent: signing.filter((postId) => !present.has(postId)),
    })
    await r.meetings.update(meeting.id, { state: 'open', openedAt: at, quorum: { ...quorum } })
    return {
      action: 'open',
      text: quorum.summary,
      ruleIds: ruleIdsOf([...quorum.citations, ...office.citations]),
      details: { present: quorum.present, members: quorum.members, minimum: quorum.minimum },
      result: quorum,
    }
  })
}
