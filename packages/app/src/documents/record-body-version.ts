import { createHash } from 'node:crypto'
import type { Repositories } from '../unit-of-work.ts'
import type { BodyVersion } from './body-version-repository.ts'
import type { DocumentRecord } from './document.ts'

export const sha256Of = (text: string | Uint8Array) =>
  createHash('sha256').update(text).digest('hex')

/**
 * Saves the document's title and body as its next version (正文版本), in the caller's
 * transaction: version 1 when a document is created, one more at each revision. The document
 * row is locked (or just inserted) by the caller, so version numbers cannot collide.
 */
export async function recordBodyVersion(
  r: Repositories,
  document: Pick<DocumentRecord, 'id' | 'title' | 'body'>,
  saved: { personId: string | null; postId: string | null; at: string },
): Promise<BodyVersion> {
  const version: BodyVersion = {
    documentId: document.id,
    version: (await r.bodyVersions.latestNumber(document.id)) + 1,
    title: document.title,
    body: document.body,
    sha256: sha256Of(document.body),
    savedByPersonId: saved.personId,
    savedByPostId: saved.postId,
    savedAt: saved.at,
  }
  await r.bodyVersions.append(version)
  return version
}
