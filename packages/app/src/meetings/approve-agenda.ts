import type { Citation } from '@zhengling/rules'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { agendaGateOf, stepConditions } from './agenda-gate.ts'
import {
  describeHoldings,
  loadMeetingRoster,
  postsNamed,
  recorderContextOf,
} from './agenda-recorders.ts'
import type { AgendaItemRecord } from './meeting.ts'
import { meetingDateOf } from './meeting-types.ts'

/**
 * 审定议题: the post the rulebook names (县长审批同意, 区长审定) approves items for the agenda, in
 * order. Every item must pass its gates at its place in the order — the cap counts the items
 * ahead of it (钟山 第四十五条) — or nothing is approved. The first approval sends the notice.
 */
export function approveAgenda(
  deps: MeetingDeps,
  session: SessionRecord,
  input: { meetingId: string; itemIds: string[] },
): Promise<AgendaItemRecord[]> {
  if (input.itemIds.length === 0 || new Set(input.itemIds).size !== input.itemIds.length)
    throw new InvalidInputError('ITEMS_REQUIRED', '请选择要审定的议题（不能重复）')
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at, today }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved', 'open'], '审定议题')
    const rulebook = deps.rules.rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
    if (!rulebook) throw new NotFoundError('RULEBOOK_NOT_FOUND', '本辖区没有生效的规则库')
    const items = await r.meetings.items(meeting.id)
    // The roster once for the act, whatever the number of items approved.
    const roster = await loadMeetingRoster(r, {
      rulebook,
      jurisdictionId: meeting.jurisdictionId,
      on: today,
    })
    let ahead = items.filter((item) => item.state === 'approved' || item.state === 'decided').length
    const citations: Citation[] = []
    const approved: AgendaItemRecord[] = []
    for (const itemId of input.itemIds) {
      const item = items.find((candidate) => candidate.id === itemId)
      if (!item || item.state !== 'submitted')
        throw new InvalidInputError('ITEM_NOT_PENDING', '所选议题不存在或不在待审定状态')
      const context = recorderContextOf(roster, {
        presiderPostId: meeting.presiderPostId,
        submittingDepartmentId: item.submittingDepartmentId,
        portfolioDeputyPostId: item.portfolioDeputyPostId,
      })
      // Approving is itself the approver's step (报县长审批同意): a step the rulebook has a post
      // the approver holds record — by that post itself, not by a relation to the item (分管副职,
      // 主持人) — counts as done by this act.
      const supplied = stepConditions(agendaGateOf(deps.rules, meeting, item, ahead))
        .filter((step) =>
          postsNamed(
            context,
            (step.recordedBy ?? []).filter((id) => rulebook.posts.get(id)?.type !== 'relational'),
          ).some((candidate) => candidate.postId === post.postId),
        )
        .map((step) => step.code)
      const approvedItem = {
        ...item,
        completed: [
          ...item.completed,
          ...supplied
            .filter((code) => !item.completed.some((step) => step.code === code))
            .map((code) => ({ code, note: null, recordedByPostId: post.postId, recordedAt: at })),
        ],
      }
      const gate = agendaGateOf(deps.rules, meeting, approvedItem, ahead)
      // No approver in the rules: the presider approves the agenda of the meeting he holds.
      const approvers = gate.approvers.length ? gate.approvers : ['presider']
      if (!postsNamed(context, approvers).some((candidate) => candidate.postId === post.postId))
        throw new RuleRefusedError(
          'NOT_AGENDA_APPROVER',
          `${post.title}无权审定本次会议议题：应由${describeHoldings(context, approvers)}审定`,
          gate.citations,
        )
      if (!gate.admitted)
        throw new RuleRefusedError(
          'AGENDA_ITEM_BLOCKED',
          `议题"${item.title}"暂不能列入：${gate.reasons.map((reason) => reason.label).join('；')}`,
          gate.citations,
        )
      citations.push(...gate.citations)
      await r.meetings.updateItem(item.id, { state: 'approved', completed: approvedItem.completed })
      approved.push({ ...approvedItem, state: 'approved' })
      ahead += 1
    }
    if (meeting.state === 'planned')
      await r.meetings.update(meeting.id, {
        state: 'agendaApproved',
        agendaApprovedAt: at,
        agendaApprovedByPostId: post.postId,
      })
    return {
      action: 'approveAgenda',
      ruleIds: ruleIdsOf(citations),
      details: { items: approved.map((item) => item.id) },
      result: approved,
    }
  })
}
