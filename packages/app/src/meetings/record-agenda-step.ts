import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { agendaGateOf, type AgendaGate, stepConditions } from './agenda-gate.ts'
import {
  articleNumbersOf,
  citationOfRule,
  describeHoldings,
  holdingsNamed,
  loadRecorderContext,
} from './agenda-recorders.ts'
import type { AgendaItemRecord } from './meeting.ts'
import { meetingDateOf } from './meeting-types.ts'

/**
 * 登记前置程序: a step the rulebook requires before an item goes on the agenda is recorded as done
 * by a post its rule names (recordedBy) — the legal office its 合法性审查, the head his approval,
 * the presider consent to a 临时动议, the submitting unit its own consultation. A refusal names
 * the posts that may, with their holders, and the article.
 */
export function recordAgendaStep(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; itemId: string; code: string; note?: string },
): Promise<{ item: AgendaItemRecord; gate: AgendaGate }> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at, today }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '登记议题的前置程序')
    const items = await r.meetings.items(meeting.id)
    const item = items.find((candidate) => candidate.id === input.itemId)
    if (!item) throw new NotFoundError('AGENDA_ITEM_NOT_FOUND', '本次会议没有这个议题')
    if (item.state !== 'submitted' && item.state !== 'approved')
      throw new NotPermittedError('WRONG_STATE', '该议题已撤回或已作出决定')
    if (item.completed.some((step) => step.code === input.code))
      throw new ConflictError('STEP_ALREADY_RECORDED', '该程序已登记')
    const ahead = items.filter(
      (other) => other.state === 'approved' && other.position < item.position,
    ).length
    const before = agendaGateOf(deps.rules, meeting, item, ahead)
    const step = stepConditions(before).find((condition) => condition.code === input.code)
    if (!step)
      throw new InvalidInputError(
        'UNKNOWN_STEP',
        `本次会议的议题准入规则没有"${input.code}"这一程序（可登记：${
          stepConditions(before)
            .map((condition) => condition.label)
            .join('、') || '无'
        }）`,
      )
    const rulebook = deps.rules.rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
    if (!rulebook) throw new NotFoundError('RULEBOOK_NOT_FOUND', '本辖区没有生效的规则库')
    const context = await loadRecorderContext(r, {
      rulebook,
      jurisdictionId: meeting.jurisdictionId,
      presiderPostId: meeting.presiderPostId,
      submittingDepartmentId: item.submittingDepartmentId,
      portfolioDeputyPostId: item.portfolioDeputyPostId,
      on: today,
    })
    const recordedBy = step.recordedBy ?? ['submittingUnit']
    const recorders = holdingsNamed(context, recordedBy)
    if (!recorders.some((recorder) => recorder.postId === post.postId)) {
      const citations = citationOfRule(rulebook, step.ruleId)
      throw new NotPermittedError(
        'NOT_RESPONSIBLE',
        `${post.title}不能登记"${step.label}"：应由${describeHoldings(context, recordedBy)}登记${articleNumbersOf(citations)}`,
        citations,
      )
    }
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
    const gate = agendaGateOf(deps.rules, meeting, updated, ahead)
    return {
      action: 'recordStep',
      agendaItemId: item.id,
      text: input.note ?? null,
      ruleIds: ruleIdsOf([...citationOfRule(rulebook, step.ruleId), ...gate.citations]),
      details: { code: input.code, admitted: gate.admitted },
      result: { item: updated, gate },
    }
  })
}
