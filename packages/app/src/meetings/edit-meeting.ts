import { shanghaiDateOf } from '@zhengling/rules'
import { assertOfficePost } from '../documents/document-office.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, InvalidInputError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingRecord } from './meeting.ts'
import { assertMeetingDateAllowed } from './meeting-date-check.ts'
import { meetingOffice } from './meeting-office.ts'
import { loadMeetingRoster } from './agenda-recorders.ts'
import { assertMeetingResolvable, meetingAssignments } from './meeting-plan.ts'
import { mayPreside, meetingTypeOf, participantsFor } from './meeting-types.ts'
import { noticeTimingOf } from './send-meeting-notice.ts'

/**
 * What may still change on a meeting before it opens. Its kind may not: the members, attendees
 * and agenda gate all come from the kind. Nor its 密级: items and materials were shared under it.
 */
export interface MeetingEdit {
  meetingId: string
  title?: string
  /** ISO instant. */
  startsAt?: string
  location?: string
  presiderPostId?: string
}

type Edited = Pick<MeetingRecord, 'title' | 'startsAt' | 'location' | 'presiderPostId'>

/**
 * 修改会议: the office corrects a meeting's name, time, place or presider until it opens. Each
 * change is checked as scheduling checked it — a day the rulebook keeps free of meetings, the
 * kind's rulebook on the new date, a presider the rulebook lets convene it, every act of the
 * meeting reaching a post someone holds — and, once the notice has gone out, a new time must still
 * leave the rulebook's notice period (二连浩特 四十一: 会议召开前一日). Audited with what changed.
 */
export function editMeeting(
  deps: MeetingDeps,
  session: SessionRecord,
  input: MeetingEdit,
): Promise<MeetingRecord> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at, today }) => {
    const office = meetingOffice(deps.rules, meeting.jurisdictionId)
    assertOfficePost(post, office, '修改会议')
    if (meeting.state === 'open' || meeting.state === 'closed')
      throw new ConflictError(
        meeting.state === 'open' ? 'MEETING_ALREADY_OPEN' : 'MEETING_CLOSED',
        meeting.state === 'open'
          ? '会议已宣布开始，不能再修改会议名称、时间、地点或主持人'
          : '会议已结束，不能再修改',
      )
    const next: Edited = {
      title: input.title === undefined ? meeting.title : input.title.trim() || meeting.title,
      startsAt: meeting.startsAt,
      location: input.location === undefined ? meeting.location : input.location.trim(),
      presiderPostId: input.presiderPostId ?? meeting.presiderPostId,
    }
    if (input.startsAt !== undefined) {
      const startsAt = new Date(input.startsAt)
      if (Number.isNaN(startsAt.getTime()))
        throw new InvalidInputError('INVALID_TIME', '会议时间格式不正确')
      next.startsAt = startsAt.toISOString()
    }
    const timeChanged = next.startsAt !== meeting.startsAt
    const presiderChanged = next.presiderPostId !== meeting.presiderPostId
    if (timeChanged && Date.parse(next.startsAt) < Date.parse(at))
      throw new InvalidInputError('MEETING_TIME_PAST', '会议时间不能改到现在以前')

    const meetingDate = shanghaiDateOf(Date.parse(next.startsAt))
    const citations = [...office.citations]
    let presiderTitle: string | null = null
    if (timeChanged || presiderChanged) {
      if (timeChanged) assertMeetingDateAllowed(deps.rules, meeting.jurisdictionId, meetingDate)
      const { rulebook, type } = meetingTypeOf(
        deps.rules,
        meeting.jurisdictionId,
        meeting.meetingType,
        meetingDate,
      )
      const posts = await r.organisation.unitPosts(meeting.jurisdictionId)
      const presider = posts.find((candidate) => candidate.postId === next.presiderPostId)
      if (!presider || !mayPreside(rulebook, type, presider))
        throw new NotPermittedError(
          'PRESIDER_NOT_AUTHORISED',
          `${presider?.title ?? '所选职务'}不能召集和主持${type.name}` +
            (type.article ? `（${type.article.number}）` : ''),
        )
      presiderTitle = presider.title
      const roster = await loadMeetingRoster(r, {
        rulebook,
        jurisdictionId: meeting.jurisdictionId,
        on: today,
      })
      const { members, attendees } = participantsFor(rulebook, type, posts)
      assertMeetingResolvable(
        roster,
        meetingAssignments(
          deps.rules,
          roster,
          {
            jurisdictionId: meeting.jurisdictionId,
            meetingType: meeting.meetingType,
            startsAt: next.startsAt,
            presiderPostId: presider.postId,
          },
          {
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
          },
        ),
      )
    }
    if (timeChanged) {
      // The notice already sent must still be in time for the new date.
      const notice = (await r.meetings.events(meeting.id)).find(
        (event) => event.action === 'sendNotice',
      )
      if (notice) {
        const timing = noticeTimingOf(
          deps.rules,
          { ...meeting, startsAt: next.startsAt },
          shanghaiDateOf(Date.parse(notice.occurredAt)),
        )
        if (timing.onTime === false)
          throw new RuleRefusedError(
            'NOTICE_PERIOD_TOO_SHORT',
            `会议通知已于 ${shanghaiDateOf(Date.parse(notice.occurredAt))} 发出，改到 ${meetingDate} 则不满足通知期限` +
              (timing.latest ? `（最迟应在 ${timing.latest} 发出）` : '') +
              `。${timing.summary ?? ''}`,
            timing.citations,
          )
        citations.push(...timing.citations)
      }
    }

    const changes = (Object.keys(next) as (keyof Edited)[])
      .filter((field) => next[field] !== meeting[field])
      .map((field) => ({ field, from: meeting[field], to: next[field] }))
    if (!changes.length) throw new InvalidInputError('NOTHING_CHANGED', '没有修改任何内容')
    await r.meetings.update(meeting.id, next)
    return {
      action: 'edit',
      text: changes
        .map(({ field, to }) =>
          field === 'presiderPostId'
            ? `${FIELD_NAMES[field]}：${presiderTitle ?? ''}`
            : field === 'startsAt'
              ? `${FIELD_NAMES[field]}：${shanghaiDateTime(to ?? '')}`
              : `${FIELD_NAMES[field]}：${to ?? ''}`,
        )
        .join('；'),
      ruleIds: ruleIdsOf(citations),
      details: { changes },
      result: { ...meeting, ...next },
    }
  })
}

const FIELD_NAMES: Record<keyof Edited, string> = {
  title: '会议名称',
  startsAt: '会议时间',
  location: '地点',
  presiderPostId: '主持人',
}

/** "2026-03-12 09:00" in Beijing time, for the history line. */
function shanghaiDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString()
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`
}
