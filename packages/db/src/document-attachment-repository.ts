import type { AttachmentRepository, AttachmentSummary } from '@zhengling/app'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './schema.ts'

type Row = Omit<Selectable<Database['document_attachments']>, 'content'> & {
  uploader_name: string | null
  uploader_post: string | null
}

function toSummary(row: Row): AttachmentSummary {
  return {
    id: row.id,
    documentId: row.document_id,
    name: row.name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at ? new Date(row.uploaded_at).toISOString() : null,
    uploadedByPersonId: row.uploaded_by_person_id,
    uploadedByPostId: row.uploaded_by_post_id,
    uploader: row.uploader_name
      ? `${row.uploader_name}${row.uploader_post ? `（${row.uploader_post}）` : ''}`
      : null,
  }
}

/**
 * Attachments, bytes in a bytea column. No access filter here: callers find the document through
 * `visibleTo` first, and every query names the document.
 */
export function createDocumentAttachmentRepository(db: Kysely<Database>): AttachmentRepository {
  const summaries = () =>
    db
      .selectFrom('document_attachments')
      .leftJoin('people', 'people.id', 'document_attachments.uploaded_by_person_id')
      .leftJoin('posts', 'posts.id', 'document_attachments.uploaded_by_post_id')
      .select([
        'document_attachments.id',
        'document_attachments.document_id',
        'document_attachments.name',
        'document_attachments.media_type',
        'document_attachments.size_bytes',
        'document_attachments.sha256',
        'document_attachments.uploaded_at',
        'document_attachments.uploaded_by_person_id',
        'document_attachments.uploaded_by_post_id',
        'people.name as uploader_name',
        'posts.title as uploader_post',
      ])

  return {
    async insert(attachment, content) {
      await db
        .insertInto('document_attachments')
        .values({
          id: attachment.id,
          document_id: attachment.documentId,
          name: attachment.name,
          media_type: attachment.mediaType,
          size_bytes: attachment.sizeBytes,
          sha256: attachment.sha256,
          content,
          uploaded_at: attachment.uploadedAt ?? new Date().toISOString(),
          uploaded_by_person_id: attachment.uploadedByPersonId,
          uploaded_by_post_id: attachment.uploadedByPostId,
        })
        .execute()
    },

    async list(documentId) {
      const rows = await summaries()
        .where('document_attachments.document_id', '=', documentId)
        .orderBy('document_attachments.uploaded_at')
        .orderBy('document_attachments.id')
        .execute()
      return rows.map(toSummary)
    },

    async content(documentId, attachmentId) {
      const row = await summaries()
        .select('document_attachments.content')
        .where('document_attachments.document_id', '=', documentId)
        .where('document_attachments.id', '=', attachmentId)
        .executeTakeFirst()
      return row ? { ...toSummary(row), content: new Uint8Array(row.content) } : undefined
    },
  }
}
