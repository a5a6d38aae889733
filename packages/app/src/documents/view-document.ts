import type { SessionRecord } from '../identity/log-in.ts'
import { NotFoundError } from '../errors.ts'
import { shanghaiDateOf } from '@zhengling/rules'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'
import { segmentWords } from './search-text.ts'

/**
 * A document with its flow history, open tasks and attachments (附件, without their bytes), if
 * the signed-in post-holder may see it.
 */
export async function viewDocument(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  documentId: string,
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const document = await r.documents.visible(viewer, documentId)
  if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  const [events, tasks, attachments] = await Promise.all([
    r.documents.events(document.id),
    r.documents.openTasks(document.id),
    r.attachments.list(document.id),
  ])
  return { document, events, tasks, attachments }
}

/** Documents the signed-in post-holder may see whose words match the query, best first. */
export async function searchDocuments(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  query: { q: string; limit: number },
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const words = segmentWords(query.q).join(' ')
  if (!words) return []
  return r.documents.search(viewer, words, query)
}

/** 待办 / 待阅 of every post the person holds or acts for, and of their units. */
export async function listInbox(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  page: { limit: number },
) {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const today = shanghaiDateOf(now.getTime())
  return (await r.documents.inbox(viewer, page)).map((entry) => ({
    ...entry,
    workingDaysLeft: entry.task.dueDate
      ? deps.rules.workingDaysLeft(viewer.jurisdictionId, today, entry.task.dueDate)
      : null,
  }))
}
