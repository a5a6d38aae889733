import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord, DocumentTask } from './document.ts'
import { openTasks } from './open-tasks.ts'

/**
 * Closes the document's open tasks with one outcome when its flow stops or turns back (撤回,
 * 退回修改, 作废); 待阅 notices stay open unless `includeReads`. Answers the tasks it closed.
 */
export async function closeOpenTasks(
  r: Repositories,
  documentId: string,
  tasks: readonly DocumentTask[],
  closing: { at: string; outcome: string; includeReads?: boolean },
): Promise<DocumentTask[]> {
  const closed = tasks.filter((task) => closing.includeReads || task.kind !== 'read')
  for (const kind of new Set(closed.map((task) => task.kind)))
    await r.documents.closeTasks(documentId, { kind }, closing.at, closing.outcome)
  return closed
}

/** The draft waits with its drafting post (重新修改、送审): a task there, so it shows who holds it. */
export async function openRedraftTask(
  r: Repositories,
  newId: () => string,
  document: DocumentRecord,
  at: string,
): Promise<void> {
  if (!document.createdByPostId) return
  await openTasks(r, newId, document, {
    kind: 'redraft',
    postIds: [document.createdByPostId],
    dueDate: null,
    at,
  })
}
