import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { assertOfficePost } from '../documents/document-office.ts'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { MeetingRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { meetingHeldDateOf } from './meeting-types.ts'

/**
 * 散会: once every item on the agenda has its decision, the meeting closes and the minutes'
 * period starts (木里 第十八条: 5个工作日内完成纪要的起草、送签和印发; 托克逊: 7个工作日).
 */
export function closeMeeting(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string },
): Promise<MeetingRecord> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertOfficePost(post, meetingOffice(deps.rules, meeting.jurisdictionId), '宣布散会')
    assertMeetingState(meeting, ['open'], '散会')
    const undecided = (await r.meetings.items(meeting.id)).filter(
      (item) => item.state === 'approved',
    )
    if (undecided.length)
      throw new NotPermittedError(
        'ITEMS_UNDECIDED',
        `还有议题未作出决定：${undecided.map((item) => item.title).join('、')}（可决定暂缓）`,
      )
    const minutes = ask<{ due: string | null }>(deps.rules, meeting.jurisdictionId, 'minutes-due', {
      meeting: meeting.meetingType,
      // The period runs from the day the meeting was held (会后N个工作日).
      meetingDate: meetingHeldDateOf(meeting),
    })
    const minutesDue = minutes?.outcome.due ?? null
    await r.meetings.update(meeting.id, { state: 'closed', closedAt: at, minutesDue })
    return {
      action: 'close',
      text: minutes?.summary ?? null,
      ruleIds: ruleIdsOf(minutes?.citations ?? []),
      details: { minutesDue },
      result: { ...meeting, state: 'closed', closedAt: at, minutesDue },
    }
  })
}
