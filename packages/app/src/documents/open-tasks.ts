import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'
import { remindersOf } from './schedule-task-reminders.ts'

/** Opens one task of a kind for each post (or unit) on the document, in one insert. */
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
  const opened = assignees.map((assignee) => ({
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
  }))
  // One statement for all of them, with their timers: a time limit is followed up (催办) by
  // durable timers written with the task (issue 14: no statement per row).
  await r.documents.openTaskBatch(opened, document, remindersOf(opened))
}
