import {
  type DutyEventAudience,
  type DutyEventRepository,
  type DutyEventView,
  rankOf,
  SECRECY_LEVELS,
} from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

/**
 * The duty feed (migration 0043): appended in the acts' and timers' transactions, read by the
 * live stream after a position. Access: the jurisdiction, the reader's clearance, and the units
 * named on the event unless the reader sees all duty matters.
 */
export function createDutyEventRepository(db: Kysely<Database>): DutyEventRepository {
  const visible = (audience: DutyEventAudience) => {
    const cleared = SECRECY_LEVELS.filter((level) => rankOf(level) <= rankOf(audience.clearance))
    let query = db
      .selectFrom('duty_events')
      .where('jurisdiction_id', '=', audience.jurisdictionId)
      .where('secrecy', 'in', cleared)
    if (!audience.seesAll)
      query = query.where(
        sql<boolean>`department_ids && ${sql.val(audience.departmentIds)}::uuid[]`,
      )
    return query
  }
  return {
    async record(events) {
      if (events.length === 0) return
      await db
        .insertInto('duty_events')
        .values(
          events.map((event) => ({
            jurisdiction_id: event.jurisdictionId,
            type: event.type,
            subject: event.subject,
            subject_id: event.subjectId,
            department_ids: [...event.departmentIds],
            secrecy: event.secrecy ?? 'internal',
            at: event.at,
          })),
        )
        .execute()
    },
    async since(audience, afterId, limit) {
      const rows = await visible(audience)
        .select(['id', 'type', 'subject', 'subject_id', 'at'])
        .where('id', '>', String(afterId))
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map((row): DutyEventView => ({
        id: Number(row.id),
        type: row.type,
        subject: row.subject,
        subjectId: row.subject_id,
        at: new Date(row.at).toISOString(),
      }))
    },
    async latest(audience) {
      const row = await visible(audience)
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
      return Number(row?.id ?? 0)
    },
  }
}

/** The newest position of the whole feed: the stream's one query per beat, for every reader. */
export async function latestDutyEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('duty_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}
