import type { Repositories } from '../unit-of-work.ts'
import type { DocumentDeps } from './act-on-document.ts'
import type { DocumentRecord } from './document.ts'
import { postsResponsible, responsibleFor } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'

/**
 * Once a document is issued or closed, the desk that handles 公文 (条例第五条) has it to file
 * (归档, 条例第二十七条): a task, so filing is in someone's 待办 rather than nobody's memory.
 */
export async function openArchiveTask(
  r: Repositories,
  deps: Pick<DocumentDeps, 'rules' | 'newId'>,
  document: DocumentRecord,
  at: string,
): Promise<string[]> {
  const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
  const posts = (await postsResponsible(r, document.jurisdictionId, desk)).map((p) => p.postId)
  await openTasks(r, deps.newId, document, { kind: 'archive', postIds: posts, dueDate: null, at })
  return posts
}
