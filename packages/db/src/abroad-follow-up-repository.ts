import type { AbroadFollowUpRepository, ReturnedAbroad } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'
import { visibleTo } from './visible-to.ts'

/**
 * 因公出国(境) follow-ups: 出访 absences closed by 销假 (absences, migration 0036, read as contract
 * C2 shapes it) with the completions recorded (migration 0039), in one statement through the
 * absences' access rule.
 */
export function createAbroadFollowUpRepository(db: Kysely<Database>): AbroadFollowUpRepository {
  return {
    async returnedAbroad(viewer, query) {
      let base = db
        .selectFrom('absences as a')
        .select([
          'a.id',
          'a.jurisdiction_id',
          'a.person_id',
          'a.destination',
          'a.from_date',
          'a.to_date',
          'a.returned_on',
          sql<string>`(select name from people p where p.id = a.person_id)`.as('person_name'),
          sql<string>`(select title from posts p where p.id = a.post_id)`.as('post_title'),
          sql<ReturnedAbroad['done'] | null>`(
            select json_agg(json_build_object('ruleId', c.rule_id, 'doneOn', c.done_on,
              'recordedBy', (select name from people p where p.id = c.recorded_by_person_id)))
            from abroad_follow_up_completions c where c.absence_id = a.id)`.as('done'),
        ])
        .where('a.category', '=', 'abroad')
        .where('a.status', '=', 'returned')
        .where('a.returned_on', 'is not', null)
        .where(visibleTo(viewer))
      if (query.personId) base = base.where('a.person_id', '=', query.personId)
      if (query.absenceId) base = base.where('a.id', '=', query.absenceId)
      let ordered = base.orderBy('a.returned_on', 'desc').orderBy('a.id').limit(query.limit)
      if (query.forUpdate) ordered = ordered.forUpdate()
      const rows = await ordered.execute()
      return rows.map((row) => ({
        absenceId: row.id,
        jurisdictionId: row.jurisdiction_id,
        personId: row.person_id,
        personName: row.person_name,
        postTitle: row.post_title,
        destination: row.destination,
        from: row.from_date,
        to: row.to_date,
        returnedOn: row.returned_on as string,
        done: row.done ?? [],
      }))
    },

    async recordDone(row) {
      await db
        .insertInto('abroad_follow_up_completions')
        .values({
          absence_id: row.absenceId,
          rule_id: row.ruleId,
          jurisdiction_id: row.jurisdictionId,
          done_on: row.doneOn,
          recorded_by_person_id: row.personId,
          recorded_by_post_id: row.postId,
          recorded_at: row.at,
        })
        .execute()
    },
  }
}
