import { shanghaiDateOf } from '@zhengling/rules'
import type { Hasher } from '../audit/hasher.ts'
import { recipientOfTask } from '../notifications/document-task-notification.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { postsResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'
import { recordDocumentAct } from './record-document-act.ts'
import { TASK_DUE_REMINDER } from './schedule-task-reminders.ts'

export type ReminderOutcome = 'taskClosed' | 'reminded' | 'escalated'

/**
 * 催办 when a task's timer fires (条例第二十四条): nothing if the task is done; on its due day a
 * reminder in the document's history; once overdue, the history records it and the desk that
 * follows documents up gets a 待阅 to chase the assignee. Runs in the timer's transaction.
 */
export async function remindDocumentTask(
  r: Repositories,
  deps: { hasher: Hasher; now: () => Date; newId: () => string; rules: RulesPort },
  timer: { kind: string; taskId: string; documentId: string },
): Promise<ReminderOutcome> {
  const [task] = await r.documents.tasksById(timer.documentId, [timer.taskId])
  if (!task || task.closedAt || !task.dueDate) return 'taskClosed'
  // The timer reads the document as the task's assignee: it is in the 知悉范围 by being assigned.
  const document = await r.documents.visible(
    {
      jurisdictionId: task.jurisdictionId,
      postIds: task.assigneePostId ? [task.assigneePostId] : [],
      departmentIds: task.assigneeDepartmentId ? [task.assigneeDepartmentId] : [],
      clearance: 'confidential',
    },
    task.documentId,
  )
  if (!document) return 'taskClosed'
  const now = deps.now()
  const today = shanghaiDateOf(now.getTime())
  const followUp = responsibleFor(deps.rules, document.jurisdictionId, 'documentFollowUp')
  const assignee = task.assigneePostId
    ? (await r.organisation.post(task.assigneePostId, today))?.title
    : undefined
  const due = timer.kind === TASK_DUE_REMINDER
  const daysLeft = deps.rules.workingDaysLeft(document.jurisdictionId, today, task.dueDate)
  const desks = due ? [] : await postsResponsible(r, document.jurisdictionId, followUp)
  if (!due)
    await openTasks(r, deps.newId, document, {
      kind: 'read',
      postIds: desks.map((desk) => desk.postId),
      dueDate: null,
      at: now.toISOString(),
    })
  if (desks.length > 0)
    await r.documents.widenDistribution(document.id, { posts: desks.map((desk) => desk.postId) })
  await recordDocumentAct(r, deps, {
    document,
    before: document,
    at: now.toISOString(),
    personId: null,
    postId: null,
    action: due ? 'remind' : 'escalate',
    opinion: due
      ? `催办：办理时限为今日（${task.dueDate}），请按期办结`
      : `已逾期 ${-daysLeft} 个工作日（时限 ${task.dueDate}），已告知${desks.map((desk) => desk.title).join('、') || '催办部门'}督促办理`,
    ruleIds: ruleIdsOf(followUp.citations),
    details: {
      taskId: task.id,
      taskKind: task.kind,
      assigneePostId: task.assigneePostId,
      assigneeDepartmentId: task.assigneeDepartmentId,
      assignee: assignee ?? null,
      dueDate: task.dueDate,
      workingDaysLeft: daysLeft,
    },
  })
  // 催办 / 逾期 in 消息中心 and the person's channels, once per timer.
  const recipient = recipientOfTask(task)
  if (recipient)
    await r.notifications.notify({
      jurisdictionId: document.jurisdictionId,
      recipient,
      kind: due ? 'remind' : 'overdue',
      title: due
        ? `催办：《${document.title}》今日到期，请按期办结`
        : `逾期：《${document.title}》已逾期 ${-daysLeft} 个工作日`,
      body: `办理时限：${task.dueDate}`,
      link: `/documents/${document.id}`,
      secrecy: document.secrecy,
      at: now.toISOString(),
      dedupeKey: `${timer.kind}:${task.id}`,
    })
  return due ? 'reminded' : 'escalated'
}
