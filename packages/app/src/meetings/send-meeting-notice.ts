import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { assertOfficePost } from '../documents/document-office.ts'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { meetingDateOf } from './meeting-types.ts'

export interface NoticeTiming {
  /** The last day the notice with the items' materials may go out, if the rulebook sets one. */
  latest: string | null
  onTime: boolean | null
  summary: string | null
  citations: Citation[]
}

/**
 * By when the participants must have the items' materials (二连浩特 四十一: 议题涉及内容在会议召开前
 * 一日发至参会人员), judged on `givenOn` when the notice went out; nothing where the rulebook is silent.
 */
export function noticeTimingOf(
  rules: RulesPort,
  meeting: MeetingRecord,
  givenOn?: string,
): NoticeTiming {
  const answer = ask<{ latest: string; onTime: boolean | null }>(
    rules,
    meeting.jurisdictionId,
    'advance-notice',
    {
      act: 'agendaMaterialCirculation',
      meeting: meeting.meetingType,
      event: meetingDateOf(meeting),
      ...(givenOn ? { given: givenOn } : {}),
    },
  )
  if (!answer) return { latest: null, onTime: null, summary: null, citations: [] }
  return {
    latest: answer.outcome.latest,
    onTime: answer.outcome.onTime,
    summary: answer.summary,
    citations: answer.citations,
  }
}

/**
 * 发出会议通知: once the agenda is approved the office sends the notice with the items' materials
 * to every participant (木里 第十八条 负责通知会议). A notice later than the rulebook allows still
 * goes out — the meeting needs it — but its lateness is recorded with the article.
 */
export function sendMeetingNotice(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string },
): Promise<NoticeTiming> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    const office = meetingOffice(deps.rules, meeting.jurisdictionId)
    assertOfficePost(post, office, '发出会议通知')
    assertMeetingState(meeting, ['agendaApproved'], '发出会议通知（须先审定议题）')
    if ((await r.meetings.events(meeting.id)).some((event) => event.action === 'sendNotice'))
      throw new ConflictError('NOTICE_SENT', '会议通知已发出')
    const timing = noticeTimingOf(deps.rules, meeting, shanghaiDateOf(Date.parse(at)))
    const participants = await r.meetings.participants(meeting.id)
    return {
      action: 'sendNotice',
      text: timing.summary,
      ruleIds: ruleIdsOf([...office.citations, ...timing.citations]),
      details: { participants: participants.length, onTime: timing.onTime, latest: timing.latest },
      result: timing,
    }
  })
}
