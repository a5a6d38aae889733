import type { SecrecyLevel } from '../access/secrecy.ts'
import type { DocumentTask } from '../documents/document.ts'
import type { NewNotification, NotificationRecipient } from './notification.ts'

/** What each document task asks of its assignee, as the message names it. */
export const DOCUMENT_TASK_LABELS: Record<string, string> = {
  register: '签收',
  screen: '初审',
  propose: '拟办',
  instruct: '批示',
  refer: '转办',
  handle: '办理',
  read: '阅知',
  revise: '退回修改',
  redraft: '修改后重新送审',
  review: '核稿',
  countersign: '会签',
  sign: '签发',
  number: '登记编号',
  issue: '用印印发',
  archive: '归档',
  receipt: '签收',
}

/** The post or unit a task is addressed to, as a message's addressee. */
export function recipientOfTask(
  task: Pick<DocumentTask, 'assigneePostId' | 'assigneeDepartmentId'>,
): NotificationRecipient | null {
  if (task.assigneePostId) return { postId: task.assigneePostId }
  if (task.assigneeDepartmentId) return { departmentId: task.assigneeDepartmentId }
  return null
}

/**
 * The message a newly opened document task sends its assignee (新待办). Written wherever a task
 * is inserted, so every step that opens one — now and later — tells whoever must act.
 */
export function notificationOfOpenedTask(
  document: { id: string; jurisdictionId: string; title: string; secrecy: SecrecyLevel },
  task: DocumentTask,
): NewNotification | null {
  const recipient = recipientOfTask(task)
  if (!recipient) return null
  const label = DOCUMENT_TASK_LABELS[task.kind] ?? '办理'
  return {
    jurisdictionId: document.jurisdictionId,
    recipient,
    kind: 'task',
    title: `待${label}：《${document.title}》`,
    body: task.dueDate ? `办理时限：${task.dueDate}` : '',
    link: `/documents/${document.id}`,
    secrecy: document.secrecy,
    at: task.openedAt,
    dedupeKey: `document-task:${task.id}`,
  }
}
