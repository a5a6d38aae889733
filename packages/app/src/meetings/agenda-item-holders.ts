import type { Holding, holdingsDirectoryOn } from '../organisation/current-holders.ts'
import type { RulesPort } from '../rules-port.ts'
import { type AgendaGate, PRESIDER_CONSENT, stepConditions } from './agenda-gate.ts'
import { heldNamed, postsNamed, type RecorderContext } from './agenda-recorders.ts'
import type { AgendaItemRecord, MeetingRecord } from './meeting.ts'
import { meetingOffice } from './meeting-office.ts'
import { meetingDateOf } from './meeting-types.ts'

type Directory = Awaited<ReturnType<typeof holdingsDirectoryOn>>

/**
 * Who holds an agenda item (议题) now (当前办理), up to the meeting day: while the rulebook's gate
 * does not admit it yet, whoever records its next missing step by the rulebook's recordedBy (区司法局
 * for 合法性审查, a 副县长 for 副县长提出议题建议), the submitting unit for the steps it records
 * itself or when what holds it back is no step (an exclusion, a full agenda, a late submission);
 * the posts that approve the
 * agenda (县长审批同意, 区长审定; the meeting office where the rulebook names none) once it is
 * admitted; the presider once it is on the agenda, to be decided at the meeting. A withdrawn or
 * decided item is held by nobody.
 */
export function agendaItemHolders(
  directory: Directory,
  rules: RulesPort,
  meeting: MeetingRecord,
  item: AgendaItemRecord,
  gate: Pick<AgendaGate, 'admitted' | 'approvers' | 'reasons' | 'conditions'>,
  /** The item's recorder context (the roster, its unit's 分管副职); without one, the unit holds it. */
  context?: RecorderContext,
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
  if (!gate.admitted) {
    const unit = directory.holdingOf({
      kind: 'completeSteps',
      departmentId: item.submittingDepartmentId,
      since: item.submittedAt,
      dueDate,
    })
    const recordedBy = nextMissingStep(gate)?.recordedBy ?? ['submittingUnit']
    const postIds = recordedBy.filter((id) => id !== 'submittingUnit')
    if (!context || postIds.length === 0) return [unit]
    // The posts held today; where none is, the posts themselves (shown vacant, to be reassigned).
    const held = heldNamed(context, postIds)
    const posts = held.length ? held : postsNamed(context, postIds)
    return [
      ...(recordedBy.includes('submittingUnit') || posts.length === 0 ? [unit] : []),
      ...posts.map((post) =>
        directory.holdingOf({
          kind: 'completeSteps',
          postId: post.postId,
          since: item.submittedAt,
          dueDate,
        }),
      ),
    ]
  }
  const approverIds =
    gate.approvers.length > 0
      ? gate.approvers
      : meetingOffice(rules, meeting.jurisdictionId).rulebookPosts
  // With the item's context, its relations resolve as its steps do (分管副职 named at submission).
  const approvers = approverIds.flatMap((id) =>
    context
      ? postsNamed(context, [id]).map((post) => post.postId)
      : id === 'presider' || id === 'convener'
        ? meeting.presiderPostId
          ? [meeting.presiderPostId]
          : []
        : directory.postsMatching(id, item.submittingDepartmentId).map((post) => post.postId),
  )
  return [...new Set(approvers)].map((postId) =>
    directory.holdingOf({ kind: 'approveAgenda', postId, since: item.submittedAt, dueDate }),
  )
}

/**
 * The first step the gate still waits on, in the rules' order: a reason naming one of the gate's
 * steps (a 临时动议 the rules exclude waits on the presider's consent). None when what holds the
 * item back is not a step.
 */
function nextMissingStep(gate: Pick<AgendaGate, 'reasons' | 'conditions'>) {
  const steps = stepConditions(gate)
  for (const reason of gate.reasons) {
    const code = reason.code === 'adHocMotion' ? PRESIDER_CONSENT.code : reason.code
    const step = steps.find((candidate) => candidate.code === code)
    if (step) return step
  }
  return undefined
}
