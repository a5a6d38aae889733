import { citationsOf } from '../documents/document-rules.ts'
import { RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { ABSENCE_CATEGORY_LABELS, type AbsenceEvent, type AbsenceRecord } from './absence.ts'
import {
  type AbsenceDeps,
  actOnAbsence,
  assertAbsenceStatus,
  messagesTo,
  messageToRequester,
} from './act-on-absence.ts'
import { conflictOf, rulebookOn } from './absence-plan.ts'
import { type AbsenceView, absenceViewOf } from './view-absence.ts'

/** A request's steps as filed (the request's history entry keeps them), else its one approver step. */
export function stagesOf(
  record: AbsenceRecord,
  history: readonly AbsenceEvent[],
): { label: string; postIds: string[]; byOffice: boolean }[] {
  const filed = history.find((entry) => entry.action === 'request')?.details.stages
  if (Array.isArray(filed) && filed.length > 0)
    return filed as { label: string; postIds: string[]; byOffice: boolean }[]
  return [{ label: '', postIds: record.approverPostIds, byOffice: false }]
}

/** Refuses an actor whose post is not among those that may decide, naming them and the article. */
export function assertAbsenceApprover(
  deps: Pick<AbsenceDeps, 'rules'>,
  record: AbsenceRecord,
  postTitles: Record<string, string>,
  post: { postId: string; title: string },
  act: string,
): void {
  if (record.approverPostIds.includes(post.postId)) return
  throw new RuleRefusedError(
    'NOT_ABSENCE_APPROVER',
    `${post.title}无权${act}该申请：应由${record.approverPostIds.map((id) => postTitles[id] ?? id).join('或') || '（无需审批）'}${act}`,
    citationsOf(deps.rules, record.jurisdictionId, record.ruleIds, record.filedAt.slice(0, 10)),
  )
}

/**
 * 批准: the post the rule names approves. The overlap with the other leaders' absences in force
 * is checked again (one approved meanwhile may make this one forbidden). The requester, the posts
 * informed and those it is filed with hear of it; acting duty over the span follows.
 */
export async function approveAbsenceRequest(
  deps: AbsenceDeps,
  session: SessionRecord,
  input: { absenceId: string; opinion?: string },
): Promise<AbsenceView> {
  const opinion = input.opinion?.trim() || null
  const { after, actor, today } = await actOnAbsence(
    deps,
    session,
    input.absenceId,
    async ({ actor, at }, { record, postTitles, history, postRole, overlapping }) => {
      assertAbsenceStatus(record, ['pending'], '审批')
      assertAbsenceApprover(deps, record, postTitles, actor.currentPost, '审批')
      // 经…审核同意后报…: a step before the last passes the request on to the next.
      const stages = stagesOf(record, history)
      const passed = history.filter((entry) => entry.action === 'pass').length
      const next = stages[passed + 1]
      if (next) {
        const title = `请审批：${postTitles[record.postId] ?? ''}${record.from}至${record.to}的请假（外出）（${stages[passed]?.label ?? ''}已审核同意）`
        return {
          action: 'pass',
          text: opinion,
          ruleIds: record.ruleIds,
          details: {
            step: stages[passed]?.label ?? null,
            next: next.label,
            byOffice: next.byOffice,
          },
          changes: { approverPostIds: next.postIds, approverPostId: next.postIds[0] ?? null },
          notify: (after) => [
            ...messagesTo(next.postIds, after, at, { kind: 'task', title, key: `pass${passed}` }),
            messageToRequester(after, at, {
              kind: 'approval',
              title: `${stages[passed]?.label ?? ''}已审核同意，转报${next.label}`,
              key: `pass${passed}`,
            }),
          ],
        }
      }
      // The others in force over its days came with the absence (one statement).
      const rulebook = rulebookOn(deps.rules, record.jurisdictionId, record.filedAt.slice(0, 10))
      const conflict = conflictOf(
        deps.rules,
        record.jurisdictionId,
        rulebook,
        { postId: record.postId, role: postRole },
        record,
        overlapping,
      )
      if (conflict?.forbidden)
        throw new RuleRefusedError('ABSENCE_CONFLICT', conflict.summary, conflict.citations)
      const label = ABSENCE_CATEGORY_LABELS[record.category as keyof typeof ABSENCE_CATEGORY_LABELS]
      const title = `${postTitles[record.postId] ?? ''}${label ?? ''}（${record.from}至${record.to}）已批准`
      return {
        action: 'approve',
        text: opinion,
        ruleIds: record.ruleIds,
        details: { conflict: conflict?.summary ?? null },
        changes: {
          status: 'approved',
          approverPostId: actor.currentPost.postId,
          decidedAt: at,
          decidedByPostId: actor.currentPost.postId,
          opinion,
        },
        notify: (after) => [
          messageToRequester(after, at, {
            kind: 'approval',
            title,
            body: opinion ?? '',
            key: 'approve',
          }),
          ...messagesTo([...after.informPostIds, ...after.fileWithPostIds], after, at, {
            kind: 'approval',
            title,
            key: 'approve',
          }),
        ],
      }
    },
  )
  return absenceViewOf(deps.rules, after, actor, today)
}
