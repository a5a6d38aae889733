import type { CalendarNoticeRepository, StoredDeadline } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

function toRecord(row: {
  id: string
  year: number
  title: string
  notice_text: string
  days: Database['calendar_notices']['days']['__select__']
  activated_by: string
  activated_at: Date
}) {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    noticeText: row.notice_text,
    days: row.days,
    activatedBy: row.activated_by,
    activatedAt: row.activated_at.toISOString(),
  }
}

/** Activated holiday notices, and the open deadlines a newly known year may move. */
export function createCalendarNoticeRepository(db: Kysely<Database>): CalendarNoticeRepository {
  return {
    async list() {
      const rows = await db.selectFrom('calendar_notices').selectAll().orderBy('year').execute()
      return rows.map(toRecord)
    },

    async ofYear(year) {
      const row = await db
        .selectFrom('calendar_notices')
        .selectAll()
        .where('year', '=', year)
        .executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    async insert(notice) {
      await db
        .insertInto('calendar_notices')
        .values({
          id: notice.id,
          year: notice.year,
          title: notice.title,
          notice_text: notice.noticeText,
          days: JSON.stringify(notice.days),
          activated_by: notice.activatedBy,
          activated_at: new Date(notice.activatedAt),
        })
        .execute()
    },

    // One statement over the three kinds of stored due date: open document tasks, open ledger
    // items, minutes not yet drafted — each set before the notice was activated.
    async deadlinesDueIn(year, setBefore) {
      const from = `${year}-01-01`
      const to = `${year}-12-31`
      const before = new Date(setBefore)
      const result = await sql<{
        jurisdiction_id: string
        jurisdiction_name: string
        kind: StoredDeadline['kind']
        due_date: string
        count: string
      }>`
        select d.jurisdiction_id, j.name as jurisdiction_name, d.kind,
               to_char(d.due_date, 'YYYY-MM-DD') as due_date, count(*)::text as count
        from (
          select jurisdiction_id, 'documentTask' as kind, due_date
            from document_tasks
            where closed_at is null and due_date between ${from} and ${to} and opened_at <= ${before}
          union all
          select jurisdiction_id, 'supervisionItem', due_date
            from supervision_items
            where state <> 'closed' and due_date between ${from} and ${to} and created_at <= ${before}
          union all
          select jurisdiction_id, 'meetingMinutes', minutes_due
            from meetings
            where minutes_document_id is null and minutes_due between ${from} and ${to}
              and created_at <= ${before}
        ) d
        join jurisdictions j on j.id = d.jurisdiction_id
        group by d.jurisdiction_id, j.name, d.kind, d.due_date
        order by d.due_date, j.name, d.kind
      `.execute(db)
      return result.rows.map((row) => ({
        jurisdictionId: row.jurisdiction_id,
        jurisdictionName: row.jurisdiction_name,
        kind: row.kind,
        dueDate: row.due_date,
        count: Number(row.count),
      }))
    },
  }
}
