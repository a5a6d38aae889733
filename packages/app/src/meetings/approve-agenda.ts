import type { Citation } from '@zhengling/rules'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { agendaGateOf, STEP_RECORDERS } from './agenda-gate.ts'
import type { AgendaItemRecord } from './meeting.ts'

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
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved', 'open'], '审定议题')
    const items = await r.meetings.items(meeting.id)
    let ahead = items.filter((item) => item.state === 'approved' || item.state === 'decided').length
    const citations: Citation[] = []
    const supplied = Object.entries(STEP_RECORDERS)
      .filter(([, recorder]) => recorder !== 'presider' && matchesRulebookPost(post, recorder))
      .map(([code]) => code)
    const approved: AgendaItemRecord[] = []
    for (const itemId of input.itemIds) {
      const item = items.find((candidate) => candidate.id === itemId)
      if (!item || item.state !== 'submitted')
        throw new InvalidInputError('ITEM_NOT_PENDING', '所选议题不存在或不在待审定状态')
      // Approving is itself the approver's step (报县长审批同意): it counts as done by this act.
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
      const approvers = gate.approvers
      const mayApprove = approvers.length
        ? approvers.some((id) => matchesRulebookPost(post, id))
        : post.postId === meeting.presiderPostId
      if (!mayApprove)
        throw new RuleRefusedError(
          'NOT_AGENDA_APPROVER',
          `${post.title}无权审定本次会议议题（${approvers.length ? '应由规则规定的审定人审定' : '应由会议主持人审定'}）`,
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
