import type { Citation } from '@zhengling/rules'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { AgendaDissent } from './meeting.ts'

/** The articles on dissent before a meeting (钟山 第四十三条), where the rulebook has them. */
function dissentCitations(rules: RulesPort, jurisdictionId: string): Citation[] {
  return (
    ask<{ posts: string[] }>(rules, jurisdictionId, 'responsible-posts', { matter: 'agendaDissent' })
      ?.citations ?? []
  )
}

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

/**
 * 研究不同意见: the submitting unit answers a dissent. One it does not adopt goes to the office,
 * which reports it to the convener to decide (钟山 第四十三条); the agenda shows it until then.
 */
export function answerAgendaDissent(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; dissentId: string; adopted: boolean; text: string },
): Promise<AgendaDissent> {
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('TEXT_REQUIRED', '请填写研究意见')
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '答复不同意见')
    const [items, dissents] = await Promise.all([
      r.meetings.items(meeting.id),
      r.meetings.dissents(meeting.id),
    ])
    const dissent = dissents.find((candidate) => candidate.id === input.dissentId)
    if (!dissent) throw new NotFoundError('DISSENT_NOT_FOUND', '没有这条不同意见')
    if (dissent.response) throw new InvalidInputError('ALREADY_ANSWERED', '该不同意见已答复')
    const item = items.find((candidate) => candidate.id === dissent.agendaItemId)
    if (!item || post.departmentId !== item.submittingDepartmentId)
      throw new NotPermittedError('NOT_SUBMITTING_UNIT', '只有议题申报单位可以答复不同意见')
    const answered: AgendaDissent = {
      ...dissent,
      response: input.adopted ? 'adopted' : 'notAdopted',
      responseText: text,
      respondedAt: at,
    }
    await r.meetings.updateDissent(dissent.id, answered)
    return {
      action: input.adopted ? 'adoptDissent' : 'reportDissentToConvener',
      agendaItemId: item.id,
      text,
      ruleIds: ruleIdsOf(dissentCitations(deps.rules, meeting.jurisdictionId)),
      result: answered,
    }
  })
}
