import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import { shanghaiDateOf } from '@zhengling/rules'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { agendaGateOf, type AgendaGate, STEP_RECORDERS } from './agenda-gate.ts'
import type { AgendaItemRecord } from './meeting.ts'

/**
 * 登记前置程序: a step the rulebook requires before an item goes on the agenda is recorded as done
 * by whoever does it — the legal office its 合法性审查, the head his consent, the presider consent
 * to a 临时动议, the submitting unit its own consultation or assessment.
 */
export function recordAgendaStep(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; itemId: string; code: string; note?: string },
): Promise<{ item: AgendaItemRecord; gate: AgendaGate }> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '登记议题的前置程序')
    const items = await r.meetings.items(meeting.id)
    const item = items.find((candidate) => candidate.id === input.itemId)
    if (!item) throw new NotFoundError('AGENDA_ITEM_NOT_FOUND', '本次会议没有这个议题')
    if (item.state !== 'submitted' && item.state !== 'approved')
      throw new NotPermittedError('WRONG_STATE', '该议题已撤回或已作出决定')
    if (item.completed.some((step) => step.code === input.code))
      throw new ConflictError('STEP_ALREADY_RECORDED', '该程序已登记')
    const recorder = STEP_RECORDERS[input.code]
    const today = shanghaiDateOf(Date.parse(at))
    let allowed: boolean
    if (!recorder) allowed = post.departmentId === item.submittingDepartmentId
    else if (recorder === 'presider') allowed = post.postId === meeting.presiderPostId
    else if (recorder === 'portfolioDeputy') {
      const overseers = await r.organisation.overseersOf(item.submittingDepartmentId, today)
      allowed = overseers.some((overseer) => overseer.postId === post.postId)
    } else allowed = matchesRulebookPost(post, recorder)
    if (!allowed)
      throw new NotPermittedError(
        'NOT_RESPONSIBLE',
        `${post.title}不能登记此程序（应由${recorderLabel(recorder)}登记）`,
      )
    const completed = [
      ...item.completed,
      {
        code: input.code,
        note: input.note?.trim() || null,
        recordedByPostId: post.postId,
        recordedAt: at,
      },
    ]
    await r.meetings.updateItem(item.id, { completed })
    const updated = { ...item, completed }
    const ahead = items.filter(
      (other) => other.state === 'approved' && other.position < item.position,
    ).length
    const gate = agendaGateOf(deps.rules, meeting, updated, ahead)
    return {
      action: 'recordStep',
      agendaItemId: item.id,
      text: input.note ?? null,
      ruleIds: ruleIdsOf(gate.citations),
      details: { code: input.code, admitted: gate.admitted },
      result: { item: updated, gate },
    }
  })
}

function recorderLabel(recorder: string | undefined): string {
  const labels: Record<string, string> = {
    legalOffice: '司法（法制）部门',
    principal: '政府主要负责人',
    presider: '会议主持人',
    portfolioDeputy: '分管副职',
    governmentOffice: '政府办公室',
  }
  return recorder ? (labels[recorder] ?? recorder) : '议题报送单位'
}
