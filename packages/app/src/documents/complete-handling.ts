import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openArchiveTask } from './open-archive-task.ts'
import { openTasks } from './open-tasks.ts'

/**
 * A handling unit reports its result (办结). When the last unit has, the document is closed and
 * the result goes back to the sending unit (答复, 条例第二十四条) as a task to read.
 */
export function completeHandling(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; result: string },
) {
  if (!input.result.trim()) throw new InvalidInputError('RESULT_EMPTY', '请填写办理结果')
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    assertState(document, ['referred'], '办结')
    const closed = post.departmentId
      ? await r.documents.closeTasks(
          document.id,
          { kind: 'handle', departmentIds: [post.departmentId] },
          at,
          'completed',
        )
      : 0
    if (closed === 0)
      throw new NotPermittedError('NOT_HANDLING_UNIT', `这份公文没有转${post.title}所在单位办理`)
    const remaining = (await r.documents.openTasks(document.id)).filter((t) => t.kind === 'handle')
    if (remaining.length > 0)
      return {
        action: 'complete',
        opinion: input.result,
        ruleIds: [],
        changes: {},
        result: { closed: false },
      }
    const reply = responsibleFor(deps.rules, document.jurisdictionId, 'incomingReply')
    await openTasks(r, deps.newId, document, {
      kind: 'read',
      departmentIds: document.senderDepartmentId ? [document.senderDepartmentId] : [],
      dueDate: null,
      at,
    })
    const desks = await openArchiveTask(r, deps, document, at)
    return {
      action: 'close',
      opinion: input.result,
      ruleIds: ruleIdsOf(reply.citations),
      details: { repliedTo: document.senderDepartmentId },
      changes: { state: 'closed' },
      widen: { posts: desks },
      result: { closed: true },
    }
  })
}
