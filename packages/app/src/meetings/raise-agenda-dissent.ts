import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { dissentCitations } from './dissent-citations.ts'
import type { AgendaDissent } from './meeting.ts'

/**
 * 提出不同意见: a member or attendee with a different view of an item raises it with the
 * submitting unit before the meeting (钟山 第四十三条), not in the meeting room.
 */
export function raiseAgendaDissent(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; itemId: string; text: string },
): Promise<AgendaDissent> {
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('TEXT_REQUIRED', '请填写不同意见')
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '提出不同意见（应于会前提出）')
    const [items, participants] = await Promise.all([
      r.meetings.items(meeting.id),
      r.meetings.participants(meeting.id),
    ])
    const item = items.find((candidate) => candidate.id === input.itemId)
    if (!item) throw new NotFoundError('AGENDA_ITEM_NOT_FOUND', '本次会议没有这个议题')
    if (!participants.some((p) => p.postId === post.postId))
      throw new NotPermittedError('NOT_A_PARTICIPANT', `${post.title}不是本次会议的参加或列席人员`)
    if (post.departmentId === item.submittingDepartmentId)
      throw new NotPermittedError('OWN_ITEM', '不能对本单位报送的议题提出不同意见')
    const dissent: AgendaDissent = {
      id: deps.newId(),
      agendaItemId: item.id,
      raisedByPersonId: session.personId,
      raisedByPostId: post.postId,
      raisedAt: at,
      text,
      response: null,
      responseText: null,
      respondedAt: null,
    }
    await r.meetings.insertDissent(dissent)
    return {
      action: 'raiseDissent',
      agendaItemId: item.id,
      text,
      ruleIds: ruleIdsOf(dissentCitations(deps.rules, meeting.jurisdictionId)),
      result: dissent,
    }
  })
}
