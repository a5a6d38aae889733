import type { DocumentRecipientRepository, RecipientEntry } from '@zhengling/app'
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** 主送/抄送 as written and the units' receipts (签收, 催收) of issued documents. */
export function createDocumentRecipientRepository(
  db: Kysely<Database>,
): DocumentRecipientRepository {
  return {
    async groupsOf(jurisdictionId) {
      const rows = await db
        .selectFrom('recipient_groups')
        .select(['label', 'unit_kinds'])
        .where('jurisdiction_id', '=', jurisdictionId)
        .orderBy('position')
        .execute()
      return rows.map((row) => ({ label: row.label, unitKinds: row.unit_kinds }))
    },

    async insertEntries(documentId, entries) {
      if (entries.length === 0) return
      const positions = { main: 0, copy: 0 }
      await db
        .insertInto('document_recipients')
        .values(
          entries.map((entry) => ({
            document_id: documentId,
            role: entry.role,
            position: positions[entry.role]++,
            department_id: entry.departmentId,
            group_label: entry.groupLabel,
            outside_name: entry.outsideName,
          })),
        )
        .execute()
    },

    async entriesOf(documentId) {
      const rows = await db
        .selectFrom('document_recipients')
        .select(['role', 'department_id', 'group_label', 'outside_name'])
        .where('document_id', '=', documentId)
        .orderBy('role', 'desc')
        .orderBy('position')
        .execute()
      return rows.map((row): RecipientEntry => ({
        role: row.role,
        departmentId: row.department_id,
        groupLabel: row.group_label,
        outsideName: row.outside_name,
      }))
    },

    async insertReceipts(documentId, receipts) {
      if (receipts.length === 0) return
      await db
        .insertInto('document_receipts')
        .values(
          receipts.map((receipt) => ({
            document_id: documentId,
            department_id: receipt.departmentId,
            role: receipt.role,
            task_id: receipt.taskId,
            delivered_at: receipt.deliveredAt,
          })),
        )
        .execute()
    },

    async receiptsOf(documentIds) {
      if (documentIds.length === 0) return []
      const rows = await db
        .selectFrom('document_receipts')
        .innerJoin('departments', 'departments.id', 'document_receipts.department_id')
        .leftJoin('people', 'people.id', 'document_receipts.signed_by_person_id')
        .leftJoin('posts', 'posts.id', 'document_receipts.signed_by_post_id')
        .select([
          'document_receipts.document_id',
          'document_receipts.department_id',
          'document_receipts.role',
          'document_receipts.task_id',
          'document_receipts.delivered_at',
          'document_receipts.signed_at',
          'document_receipts.signed_by_person_id',
          'document_receipts.signed_by_post_id',
          'document_receipts.reminded_at',
          'document_receipts.reminders',
          'departments.name as unit_name',
          'people.name as signer_name',
          'posts.title as signer_title',
        ])
        .where('document_receipts.document_id', 'in', [...documentIds])
        .orderBy('document_receipts.role', 'desc')
        .orderBy('departments.kind')
        .orderBy('departments.name')
        .execute()
      return rows.map((row) => ({
        documentId: row.document_id,
        departmentId: row.department_id,
        unitName: row.unit_name,
        role: row.role,
        taskId: row.task_id,
        deliveredAt: row.delivered_at.toISOString(),
        signedAt: row.signed_at?.toISOString() ?? null,
        signedBy: row.signed_by_person_id
          ? {
              personId: row.signed_by_person_id,
              name: row.signer_name ?? '',
              postId: row.signed_by_post_id,
              title: row.signer_title,
            }
          : null,
        remindedAt: row.reminded_at?.toISOString() ?? null,
        reminders: row.reminders,
      }))
    },

    async markSigned(documentId, departmentId, signed) {
      const result = await db
        .updateTable('document_receipts')
        .set({
          signed_at: signed.at,
          signed_by_person_id: signed.personId,
          signed_by_post_id: signed.postId,
        })
        .where('document_id', '=', documentId)
        .where('department_id', '=', departmentId)
        .where('signed_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },

    async markReminded(documentId, departmentIds, at) {
      if (departmentIds.length === 0) return
      await db
        .updateTable('document_receipts')
        .set((eb) => ({ reminded_at: at, reminders: eb('reminders', '+', 1) }))
        .where('document_id', '=', documentId)
        .where('department_id', 'in', [...departmentIds])
        .where('signed_at', 'is', null)
        .execute()
    },
  }
}
