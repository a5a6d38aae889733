import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'

/** 正文版本: every saved text of a document, oldest first, for anyone who may see it. */
export async function listDocumentBodyVersions(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  documentId: string,
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const document = await r.documents.visible(viewer, documentId)
  if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  return r.bodyVersions.list(document.id)
}
