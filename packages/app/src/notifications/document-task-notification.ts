import type { SecrecyLevel } from '../access/secrecy.ts'
import type { DocumentTask } from '../documents/document.ts'
import { documentTaskLabel } from '../documents/task-kinds.ts'
import type { NewNotification, NotificationRecipient } from './notification.ts'

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
  const label = documentTaskLabel(task.kind)
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
