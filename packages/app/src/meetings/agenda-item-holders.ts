import type { Holding, holdingsDirectoryOn } from '../organisation/current-holders.ts'
import type { RulesPort } from '../rules-port.ts'
import type { AgendaGate } from './agenda-gate.ts'
import type { AgendaItemRecord, MeetingRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { meetingDateOf } from './meeting-types.ts'

type Directory = Awaited<ReturnType<typeof holdingsDirectoryOn>>

/**
 * Who holds an agenda item (议题) now (当前办理), up to the meeting day: the submitting unit while
 * the rulebook's gate does not admit it yet (its steps to complete); the posts that approve the
 * agenda (县长审批同意, 区长审定; the meeting office where the rulebook names none) once it is
 * admitted; the presider once it is on the agenda, to be decided at the meeting. A withdrawn or
 * decided item is held by nobody.
 */
export function agendaItemHolders(
  directory: Directory,
  rules: RulesPort,
  meeting: MeetingRecord,
  item: AgendaItemRecord,
  gate: Pick<AgendaGate, 'admitted' | 'approvers'>,
): Holding[] {
  const dueDate = meetingDateOf(meeting)
  if (item.state === 'withdrawn' || item.state === 'decided') return []
  if (item.state === 'approved')
    return meeting.presiderPostId
      ? [
          directory.holdingOf({
            kind: 'decideAtMeeting',
            postId: meeting.presiderPostId,
            since: meeting.agendaApprovedAt ?? item.submittedAt,
            dueDate,
          }),
        ]
      : []
  if (!gate.admitted)
    return [
      directory.holdingOf({
        kind: 'completeSteps',
        departmentId: item.submittingDepartmentId,
        since: item.submittedAt,
        dueDate,
      }),
    ]
  const approverIds =
    gate.approvers.length > 0
      ? gate.approvers
      : meetingOffice(rules, meeting.jurisdictionId).rulebookPosts
  const approvers = approverIds.flatMap((id) =>
    id === 'presider' || id === 'convener'
      ? meeting.presiderPostId
        ? [meeting.presiderPostId]
        : []
      : directory.postsMatching(id, item.submittingDepartmentId).map((post) => post.postId),
  )
  return [...new Set(approvers)].map((postId) =>
    directory.holdingOf({ kind: 'approveAgenda', postId, since: item.submittedAt, dueDate }),
  )
}
