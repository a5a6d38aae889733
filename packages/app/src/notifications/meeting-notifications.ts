import { formatShanghai } from '@zhengling/rules'
import type { MeetingRecord } from '../meetings/meeting.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * The messages a meeting act sends, written by `actOnMeeting` in the act's transaction: the
 * notice to every participant, the agenda's approval to each approved item's unit, a leave
 * decision to the post that asked. Other acts send none.
 */
export async function notifyMeetingAct(
  r: Repositories,
  meeting: MeetingRecord,
  act: { action: string; at: string; details?: Record<string, unknown> },
): Promise<void> {
  const base = {
    jurisdictionId: meeting.jurisdictionId,
    link: `/meetings/${meeting.id}`,
    secrecy: meeting.secrecy,
    at: act.at,
  }
  if (act.action === 'sendNotice') {
    const when = formatShanghai(Date.parse(meeting.startsAt)).slice(0, 16).replace('T', ' ')
    // One statement for every participant's message (notifyAll), not one each.
    await r.notifications.notifyAll(
      (await r.meetings.participants(meeting.id)).map((participant) => ({
        ...base,
        recipient: { postId: participant.postId },
        kind: 'meeting' as const,
        title: `会议通知：${meeting.title}`,
        body: `时间：${when}（北京时间）；地点：${meeting.location}`,
        dedupeKey: `meeting-notice:${meeting.id}:${participant.postId}`,
      })),
    )
    return
  }
  if (act.action === 'approveAgenda') {
    const approved = new Set((act.details?.items as string[] | undefined) ?? [])
    await r.notifications.notifyAll(
      (await r.meetings.items(meeting.id))
        .filter((item) => approved.has(item.id))
        .map((item) => ({
          ...base,
          recipient: { departmentId: item.submittingDepartmentId },
          kind: 'approval' as const,
          title: `议题已审定上会：${item.title}`,
          body: `${meeting.title}`,
        })),
    )
    return
  }
  if (act.action === 'approveLeave' || act.action === 'refuseLeave') {
    const postId = act.details?.postId
    if (typeof postId !== 'string') return
    await r.notifications.notify({
      ...base,
      recipient: { postId },
      kind: 'approval',
      title: `${act.action === 'approveLeave' ? '请假已准予' : '请假未准予'}：${meeting.title}`,
    })
  }
}
