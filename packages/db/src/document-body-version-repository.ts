import type { BodyVersionRepository } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

/**
 * Body versions (append-only, 0013), and the document's search words, which follow its text.
 * No access filter here: callers find the document through `visibleTo` first.
 */
export function createDocumentBodyVersionRepository(db: Kysely<Database>): BodyVersionRepository {
  return {
    async append(version) {
      await db
        .insertInto('document_body_versions')
        .values({
          document_id: version.documentId,
          version: version.version,
          title: version.title,
          body: version.body,
          sha256: version.sha256,
          saved_by_person_id: version.savedByPersonId,
          saved_by_post_id: version.savedByPostId,
          saved_at: version.savedAt,
        })
        .execute()
    },

    async list(documentId) {
      const rows = await db
        .selectFrom('document_body_versions')
        .leftJoin('people', 'people.id', 'document_body_versions.saved_by_person_id')
        .leftJoin('posts', 'posts.id', 'document_body_versions.saved_by_post_id')
        .selectAll('document_body_versions')
        .select(['people.name as saved_by_name', 'posts.title as saved_by_post'])
        .where('document_body_versions.document_id', '=', documentId)
        .orderBy('document_body_versions.version')
        .execute()
      return rows.map((row) => ({
        documentId: row.document_id,
        version: row.version,
        title: row.title,
        body: row.body,
        sha256: row.sha256,
        savedByPersonId: row.saved_by_person_id,
        savedByPostId: row.saved_by_post_id,
        savedAt: new Date(row.saved_at).toISOString(),
        savedBy: row.saved_by_name
          ? `${row.saved_by_name}${row.saved_by_post ? `（${row.saved_by_post}）` : ''}`
          : null,
      }))
    },

    async latestNumber(documentId) {
      const row = await db
        .selectFrom('document_body_versions')
        .select((eb) => eb.fn.max('version').as('latest'))
        .where('document_id', '=', documentId)
        .executeTakeFirst()
      return Number(row?.latest ?? 0)
    },

    async reindex(documentId, searchText) {
      // Words already segmented (Chinese has no spaces), as DocumentRepository.insert takes them.
      await db
        .updateTable('documents')
        .set({ search: sql`to_tsvector('simple', ${searchText})` })
        .where('id', '=', documentId)
        .execute()
    },
  }
}
