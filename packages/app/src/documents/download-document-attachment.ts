import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'

/**
 * One attachment with its bytes, for anyone who may see the document: the document is found
 * through the access rule first, so an attachment of a document one may not see is "not found".
 */
export async function downloadDocumentAttachment(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  input: { documentId: string; attachmentId: string },
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const document = await r.documents.visible(viewer, input.documentId)
  if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  const attachment = await r.attachments.content(document.id, input.attachmentId)
  if (!attachment) throw new NotFoundError('ATTACHMENT_NOT_FOUND', '此件没有这个附件')
  return attachment
}
