/** An attachment (附件) of a document, without its bytes. */
export interface AttachmentRecord {
  id: string
  documentId: string
  /** The sanitised file name, with an extension of its type. */
  name: string
  mediaType: string
  sizeBytes: number
  /** SHA-256 of the bytes, hex: the file as stored, to check a copy against. */
  sha256: string
  /** Null for attachments stored before uploads were recorded (migration 0012). */
  uploadedAt: string | null
  uploadedByPersonId: string | null
  uploadedByPostId: string | null
}

export interface AttachmentSummary extends AttachmentRecord {
  /** "姓名（职务）" of the uploader, as the flow history names actors. */
  uploader: string | null
}

/**
 * Attachments in storage. They are read only after the document has been found through the
 * access rule (`DocumentRepository.visible`): an attachment is as visible as its document.
 */
export interface AttachmentRepository {
  insert(attachment: AttachmentRecord, content: Uint8Array): Promise<void>
  /** The document's attachments, oldest first. */
  list(documentId: string): Promise<AttachmentSummary[]>
  /** One attachment of the document with its bytes; undefined if the document has no such one. */
  content(
    documentId: string,
    attachmentId: string,
  ): Promise<(AttachmentSummary & { content: Uint8Array }) | undefined>
}
