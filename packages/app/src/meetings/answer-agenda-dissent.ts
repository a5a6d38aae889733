import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { dissentCitations } from './dissent-citations.ts'
import type { AgendaDissent } from './meeting.ts'

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
