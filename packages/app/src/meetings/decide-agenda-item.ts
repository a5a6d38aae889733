import { isOfficePost } from '../documents/document-office.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { openSupervisionItem } from '../supervision/open-supervision-item.ts'
import type { SupervisionItem } from '../supervision/supervision-item.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { AgendaDecision, AgendaItemRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { meetingHeldDateOf } from './meeting-types.ts'

/** A task the meeting decided (议定事项), followed up in the supervision ledger. */
export interface DecidedTask {
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  /** Earlier than the rulebook's period when the meeting set one; the rule's date otherwise. */
  dueDate?: string
  milestones?: { title: string; dueDate: string }[]
}

const DECISIONS: readonly AgendaDecision[] = [
  'adopted',
  'adoptedWithChanges',
  'deferred',
  'rejected',
]

/**
 * 议定: the meeting decides an item — adopted, adopted with changes, deferred or rejected — as
 * the office records it. Each task an adopted item sets goes into the supervision ledger at
 * once, due by the rulebook's period for meeting decisions (木里 第八十一条: 会后一个月内反馈).
 */
export function decideAgendaItem(
  deps: MeetingDeps,
  session: SessionRecord,
  input: {
    meetingId: string
    itemId: string
    decision: AgendaDecision
    text: string
    tasks?: DecidedTask[]
  },
): Promise<{ item: AgendaItemRecord; supervision: SupervisionItem[] }> {
  if (!DECISIONS.includes(input.decision))
    throw new InvalidInputError('UNKNOWN_DECISION', '决定只能是：通过、修改后通过、暂缓、不予通过')
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('TEXT_REQUIRED', '请填写会议决定的内容')
  const tasks = input.tasks ?? []
  const adopted = input.decision === 'adopted' || input.decision === 'adoptedWithChanges'
  if (!adopted && tasks.length)
    throw new InvalidInputError('TASKS_ONLY_WHEN_ADOPTED', '暂缓或不予通过的议题没有议定事项')
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['open'], '记录议题决定（会议须已开始）')
    const office = meetingOffice(deps.rules, meeting.jurisdictionId)
    if (!isOfficePost(post, office) && post.postId !== meeting.presiderPostId)
      throw new NotPermittedError(
        'NOT_RESPONSIBLE',
        `${post.title}不能记录会议决定（由会议主持人或办公室记录）`,
      )
    const item = (await r.meetings.items(meeting.id)).find(
      (candidate) => candidate.id === input.itemId,
    )
    if (!item) throw new NotFoundError('AGENDA_ITEM_NOT_FOUND', '本次会议没有这个议题')
    if (item.state !== 'approved')
      throw new NotPermittedError('WRONG_STATE', '只能对已列入议程、尚未决定的议题作出决定')
    await r.meetings.updateItem(item.id, {
      state: 'decided',
      decision: input.decision,
      decisionText: text,
      decidedAt: at,
    })
    const supervision: SupervisionItem[] = []
    const overseers = await r.organisation.overseersOf(
      item.submittingDepartmentId,
      meetingHeldDateOf(meeting),
    )
    for (const task of tasks)
      supervision.push(
        await openSupervisionItem(r, deps, {
          jurisdictionId: meeting.jurisdictionId,
          source: 'meetingDecision',
          title: task.title,
          requirement: task.requirement,
          leadDepartmentId: task.leadDepartmentId,
          coDepartmentIds: task.coDepartmentIds,
          responsiblePerson: task.responsiblePerson,
          // 交办日期: the day the meeting decided it, which is the day it was held, not planned.
          assignedOn: meetingHeldDateOf(meeting),
          dueDate: task.dueDate,
          milestones: task.milestones,
          meetingId: meeting.id,
          agendaItemId: item.id,
          secrecy: meeting.secrecy,
          // 分管副县长负责统筹协调和牵头推进 (木里 第八十条): the deputy follows the item.
          extraPosts: overseers.map((overseer) => overseer.postId),
          actor: { personId: session.personId, postId: post.postId },
          at,
        }),
      )
    return {
      action: 'decideItem',
      agendaItemId: item.id,
      text,
      ruleIds: [...new Set(supervision.flatMap((s) => s.ruleIds))],
      details: { decision: input.decision, supervisionItems: supervision.map((s) => s.id) },
      result: {
        item: {
          ...item,
          state: 'decided',
          decision: input.decision,
          decisionText: text,
          decidedAt: at,
        },
        supervision,
      },
    }
  })
}
