import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'
import { scheduleTaskReminders } from './schedule-task-reminders.ts'

/** Opens one task of a kind for each post (or unit) on the document. */
export async function openTasks(
  r: Repositories,
  newId: () => string,
  document: DocumentRecord,
  task: {
    kind: string
    postIds?: readonly string[]
    departmentIds?: readonly string[]
    dueDate: string | null
    at: string
  },
) {
  const assignees = [
    ...(task.postIds ?? []).map((postId) => ({ post: postId, department: null })),
    ...(task.departmentIds ?? []).map((departmentId) => ({ post: null, department: departmentId })),
  ]
  for (const assignee of assignees) {
    const opened = {
      id: newId(),
      documentId: document.id,
      jurisdictionId: document.jurisdictionId,
      assigneePostId: assignee.post,
      assigneeDepartmentId: assignee.department,
      kind: task.kind,
      dueDate: task.dueDate,
      openedAt: task.at,
      closedAt: null,
      outcome: null,
    }
    await r.documents.openTask(opened)
    // A time limit is followed up (催办) by durable timers written with the task.
    await scheduleTaskReminders(r, opened)
  }
}
