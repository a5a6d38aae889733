import { DomainError, InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { acknowledgeDocument } from './acknowledge-document.ts'
import type { DocumentDeps } from './act-on-document.ts'
import { actorOf } from './act-on-document.ts'

export const ACKNOWLEDGE_AT_ONCE_MAX = 50

/** A document 圈阅 could not mark read, named, with the reason in Chinese. */
export interface AcknowledgeRefusal {
  documentId: string
  /** The title, where the person may see the document; null when it is not visible to them. */
  title: string | null
  code: string
  message: string
}

/**
 * 圈阅 of several documents at once: each chosen document's 待阅 addressed to the person's post
 * (传阅) or unit is closed by 已阅, one document per transaction with its own flow event and
 * audit record — so a document the person cannot act on (not visible, nothing to read) is
 * refused by name and the others are read all the same.
 */
export async function acknowledgeDocuments(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentIds: readonly string[] },
): Promise<{ read: { documentId: string; title: string }[]; refused: AcknowledgeRefusal[] }> {
  const documentIds = [...new Set(input.documentIds)]
  if (documentIds.length === 0)
    throw new InvalidInputError('NO_DOCUMENTS', '请至少选择一份待阅公文')
  if (documentIds.length > ACKNOWLEDGE_AT_ONCE_MAX)
    throw new InvalidInputError(
      'TOO_MANY_DOCUMENTS',
      `一次最多圈阅 ${ACKNOWLEDGE_AT_ONCE_MAX} 份公文（现选 ${documentIds.length} 份）`,
    )
  const read: { documentId: string; title: string }[] = []
  const refused: AcknowledgeRefusal[] = []
  for (const documentId of documentIds) {
    try {
      await acknowledgeDocument(deps, session, { documentId, batch: true })
      read.push({ documentId, title: (await titleOf(deps, session, documentId)) ?? '' })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      refused.push({
        documentId,
        title: await titleOf(deps, session, documentId),
        code: error.code,
        message: error.message,
      })
    }
  }
  return { read, refused }
}

/** The document's title as the person may see it (read after the act, in its own transaction). */
function titleOf(deps: DocumentDeps, session: SessionRecord, documentId: string) {
  return deps.inTransaction(async (r) => {
    const { viewer } = await actorOf(r, session, deps.now())
    return (await r.documents.visible(viewer, documentId))?.title ?? null
  })
}
