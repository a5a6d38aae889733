import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, type MeetingDeps } from './act-on-meeting.ts'
import type { AgendaItemRecord, MeetingRecord } from './meeting.ts'

/**
 * Why the post may not withdraw the item now, or null: only the submitting unit withdraws, and
 * only an item not yet approved for the agenda, before the meeting opens.
 */
export function withdrawItemRefusal(
  meeting: MeetingRecord,
  item: AgendaItemRecord,
  post: HeldPost,
): NotPermittedError | null {
  if (post.departmentId !== item.submittingDepartmentId)
    return new NotPermittedError('NOT_SUBMITTING_UNIT', '只有议题申报单位可以撤回议题')
  if (item.state !== 'submitted' || !['planned', 'agendaApproved'].includes(meeting.state))
    return new NotPermittedError(
      'AGENDA_ITEM_NOT_PENDING',
      item.state === 'approved' || item.state === 'decided'
        ? '议题已经审定列入议程，不能撤回'
        : '议题不在待审定状态，不能撤回',
    )
  return null
}

/**
 * 撤回议题: the submitting unit takes back its item before it is approved for the agenda, with
 * an optional reason; the item stays in the meeting's history as withdrawn.
 */
export function withdrawAgendaItem(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; itemId: string; reason?: string },
): Promise<AgendaItemRecord> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting }) => {
    const item = (await r.meetings.items(meeting.id)).find((i) => i.id === input.itemId)
    if (!item) throw new NotFoundError('AGENDA_ITEM_NOT_FOUND', '这次会议没有这个议题')
    const refusal = withdrawItemRefusal(meeting, item, post)
    if (refusal) throw refusal
    await r.meetings.updateItem(item.id, { state: 'withdrawn' })
    return {
      action: 'withdrawItem',
      agendaItemId: item.id,
      text: input.reason?.trim() || null,
      ruleIds: [],
      result: { ...item, state: 'withdrawn' },
    }
  })
}
