import type { Viewer } from '../access/can-see.ts'
import { isOfficePost } from '../documents/document-office.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { AgendaItemRecord, MeetingParticipant, MeetingRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'

/**
 * Who reads an agenda item (and its materials): the meeting's participants and presider, the
 * office that organises it, the legal office that reviews items' legality (合法性审查) whichever
 * unit put them forward, and the units the item concerns. The meeting itself is known across the
 * jurisdiction; its items are not.
 */
export function agendaItemReader(
  rules: RulesPort,
  meeting: MeetingRecord,
  participants: readonly MeetingParticipant[],
  viewer: Viewer,
  post: HeldPost,
): (item: Pick<AgendaItemRecord, 'submittingDepartmentId' | 'involvedDepartmentIds'>) => boolean {
  const whole =
    isOfficePost(post, meetingOffice(rules, meeting.jurisdictionId)) ||
    matchesRulebookPost(post, 'legalOffice') ||
    participants.some((participant) => participant.postId === post.postId) ||
    post.postId === meeting.presiderPostId
  return (item) =>
    whole ||
    viewer.departmentIds.some(
      (unit) => unit === item.submittingDepartmentId || item.involvedDepartmentIds.includes(unit),
    )
}
