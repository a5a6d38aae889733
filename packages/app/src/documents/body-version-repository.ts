/** One saved text of a document (正文版本): version 1 at creation, one more per revision. */
export interface BodyVersion {
  documentId: string
  /** 1, 2, 3… in the order saved. */
  version: number
  title: string
  body: string
  /** SHA-256 of the body (UTF-8), hex. */
  sha256: string
  savedByPersonId: string | null
  savedByPostId: string | null
  savedAt: string
}

export interface BodyVersionSummary extends BodyVersion {
  /** "姓名（职务）" of the person who saved it. */
  savedBy: string | null
}

/**
 * Body versions in storage, append-only (the database refuses changes to a saved version). Read
 * only after the document has been found through the access rule.
 */
export interface BodyVersionRepository {
  append(version: BodyVersion): Promise<void>
  /** The document's versions, oldest first. */
  list(documentId: string): Promise<BodyVersionSummary[]>
  /** The highest version number saved for the document; 0 when none is. */
  latestNumber(documentId: string): Promise<number>
  /**
   * Re-indexes the document for full-text search after its text changed: `searchText` is the
   * words already segmented (search-text.ts), as `DocumentRepository.insert` takes them.
   */
  reindex(documentId: string, searchText: string): Promise<void>
}
