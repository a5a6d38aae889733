import { shanghaiDateOf } from '@zhengling/rules'
import { assertClearedFor, parseSecrecyInput } from '../access/secrecy.ts'
import { actorOf } from '../documents/act-on-document.ts'
import { assertOfficePost } from '../documents/document-office.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { type MeetingDeps, recordMeetingAct } from './act-on-meeting.ts'
import type { MeetingRecord } from './meeting.ts'
import { assertMeetingDateAllowed } from './meeting-date-check.ts'
import { meetingOffice } from './meeting-office.ts'
import { loadMeetingRoster } from './agenda-recorders.ts'
import { assertMeetingResolvable, meetingAssignments } from './meeting-plan.ts'
import { mayPreside, meetingTypeOf, participantsFor } from './meeting-types.ts'

export interface MeetingPlan {
  /** The rulebook's meeting id (standing, plenary…). */
  meetingType: string
  title?: string
  /** ISO instant the meeting starts. */
  startsAt: string
  location?: string
  /** The post that convenes and presides; the head's post when not given. */
  presiderPostId?: string
  secrecy?: string
}

/**
 * 筹备会议: the office schedules a meeting of a kind the rulebook defines. Its members and
 * attendees come from the rulebook's composition of that meeting and today's roster; the
 * presider must be a post the rulebook lets convene it.
 */
export function scheduleMeeting(
  deps: MeetingDeps,
  session: SessionRecord,
  input: MeetingPlan,
): Promise<MeetingRecord> {
  const secrecy = parseSecrecyInput(input.secrecy ?? 'internal')
  const startsAt = new Date(input.startsAt)
  if (Number.isNaN(startsAt.getTime()))
    throw new InvalidInputError('INVALID_TIME', '会议时间格式不正确')
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    assertClearedFor(viewer.clearance, secrecy, '安排此密级的会议')
    const office = meetingOffice(deps.rules, viewer.jurisdictionId)
    assertOfficePost(post, office, '安排会议')
    const meetingDate = shanghaiDateOf(startsAt.getTime())
    assertMeetingDateAllowed(deps.rules, viewer.jurisdictionId, meetingDate)
    const { rulebook, type } = meetingTypeOf(
      deps.rules,
      viewer.jurisdictionId,
      input.meetingType,
      meetingDate,
    )
    const posts = await r.organisation.unitPosts(viewer.jurisdictionId)
    const { members, attendees } = participantsFor(rulebook, type, posts)
    const presider = input.presiderPostId
      ? posts.find((candidate) => candidate.postId === input.presiderPostId)
      : posts.find((candidate) => candidate.role === 'principal')
    if (!presider || !mayPreside(rulebook, type, presider))
      throw new NotPermittedError(
        'PRESIDER_NOT_AUTHORISED',
        `${presider?.title ?? '所选职务'}不能召集和主持${type.name}` +
          (type.article ? `（${type.article.number}）` : ''),
      )
    // Every act the meeting will need — presiding, each participant's leave, the minutes' 核稿
    // and 签发 — must reach a post someone holds; otherwise it is refused now, with the article.
    const roster = await loadMeetingRoster(r, {
      rulebook,
      jurisdictionId: viewer.jurisdictionId,
      on: shanghaiDateOf(now.getTime()),
    })
    const planned = {
      jurisdictionId: viewer.jurisdictionId,
      meetingType: input.meetingType,
      startsAt: startsAt.toISOString(),
      presiderPostId: presider.postId,
    }
    assertMeetingResolvable(
      roster,
      meetingAssignments(deps.rules, roster, planned, {
        participants: [...members, ...attendees],
        officeDepartmentId: post.departmentId,
        meetingDate,
        meetingArticle: type.article
          ? [
              {
                ruleId: `meeting.${type.id}`,
                source: `《${rulebook.title}》`,
                article: type.article.number,
                excerpt: type.article.excerpt,
              },
            ]
          : [],
      }),
    )
    const at = now.toISOString()
    const meeting: MeetingRecord = {
      id: deps.newId(),
      jurisdictionId: viewer.jurisdictionId,
      meetingType: input.meetingType,
      title: input.title?.trim() || `${type.name}`,
      startsAt: startsAt.toISOString(),
      location: input.location?.trim() ?? '',
      presiderPostId: presider.postId,
      state: 'planned',
      secrecy,
      // Every unit may put items forward (钟山 第四十三条), so the meeting itself is known across
      // the jurisdiction (within its secrecy); its agenda is shown item by item (view-meeting).
      distributionPosts: [],
      distributionDepartments: [],
      agendaApprovedAt: null,
      agendaApprovedByPostId: null,
      openedAt: null,
      closedAt: null,
      quorum: null,
      minutesDocumentId: null,
      minutesDue: null,
      createdByPersonId: session.personId,
      createdByPostId: post.postId,
      createdAt: at,
    }
    await r.meetings.insert(meeting)
    await r.meetings.addParticipants([
      ...members.map((member) => participant(meeting.id, member.postId, 'member')),
      ...attendees.map((attendee) => participant(meeting.id, attendee.postId, 'attendee')),
    ])
    await recordMeetingAct(r, deps, {
      meetingId: meeting.id,
      jurisdictionId: meeting.jurisdictionId,
      at,
      personId: session.personId,
      postId: post.postId,
      action: 'schedule',
      ruleIds: ruleIdsOf(office.citations),
      details: { meetingType: type.id, members: members.length, attendees: attendees.length },
    })
    return meeting
  })
}

export function participant(meetingId: string, postId: string, role: 'member' | 'attendee') {
  return {
    meetingId,
    postId,
    role,
    attendance: 'invited' as const,
    leaveReason: null,
    substitute: null,
    leaveRequestedAt: null,
    leaveDecidedByPostId: null,
    leaveDecidedAt: null,
    leaveRuleIds: [],
  }
}
