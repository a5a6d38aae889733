import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { holdingsOn } from '../organisation/current-holders.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'
import { REASSIGNABLE_TASKS, requiredText } from './document-exits.ts'
import { assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'

/**
 * 改派: a task waits on a post nobody holds today and nobody acts for; the post the rulebook
 * makes responsible (national: 办公室主任, 条例第五条 办公厅（室）主管公文处理) gives it to
 * another post that is held, with the reason (required). The old task closes as reassigned, the
 * new one keeps its due date. Only tasks whose act asks nothing but the task itself (核稿,
 * 批示) move: a step the rulebook fixes to a post (签发, 签收…) waits for an acting assignment.
 */
export function reassignVacantTask(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; taskId: string; postId: string; reason: string },
) {
  const reason = requiredText(input.reason, 'REASON_REQUIRED', '改派须写明理由')
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      const rule = responsibleFor(deps.rules, document.jurisdictionId, 'vacantTaskReassignment')
      assertResponsible(post, rule)
      const task = (await r.documents.openTasks(document.id)).find((t) => t.id === input.taskId)
      if (!task) throw new NotFoundError('TASK_NOT_FOUND', '此件没有这项待办，或已经办理')
      if (!task.assigneePostId)
        throw new NotPermittedError(
          'UNIT_TASK',
          '此项待办交由单位办理，单位内任一职务均可办理，不能改派',
        )
      if (!REASSIGNABLE_TASKS.includes(task.kind))
        throw new NotPermittedError(
          'TASK_FIXED_BY_RULE',
          '此环节由规则库规定的职务办理，不能改派；岗位空缺的，请安排代理',
        )
      const holdingOf = await holdingsOn(r, deps.rules, document.jurisdictionId, today)
      const from = holdingOf({ kind: task.kind, postId: task.assigneePostId, since: task.openedAt })
      if (!from.vacant)
        throw new NotPermittedError(
          'POST_HELD',
          `${from.postTitle ?? '该职务'}现由${[...from.holders, ...(from.acting ? [`${from.acting.title}（代理）`] : [])].join('、')}在岗，不能改派`,
        )
      const to = holdingOf({ kind: task.kind, postId: input.postId, since: at })
      if (!to.postTitle) throw new InvalidInputError('UNKNOWN_POST', '本辖区没有这个职务')
      if (to.vacant)
        throw new InvalidInputError(
          'TARGET_VACANT',
          `${to.postTitle}也无人在岗，请改派给有人在岗的职务`,
        )
      await r.documents.closeTasks(
        document.id,
        { kind: task.kind, postIds: [task.assigneePostId] },
        at,
        'reassigned',
      )
      await openTasks(r, deps.newId, document, {
        kind: task.kind,
        postIds: [input.postId],
        dueDate: task.dueDate,
        at,
      })
      return {
        action: 'reassign',
        opinion: reason,
        ruleIds: ruleIdsOf(rule.citations),
        details: {
          taskKind: task.kind,
          fromPostId: task.assigneePostId,
          from: from.postTitle,
          toPostId: input.postId,
          to: to.postTitle,
        },
        widen: { posts: [input.postId] },
        result: { to: to.postTitle },
      }
    },
  )
}
