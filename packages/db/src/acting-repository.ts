import type { ActingInputs, ActingRepository } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import { awayDuring, lastDayAway } from './absence-repository.ts'
import { byRoster } from './organisation-directory.ts'
import type { Database } from './schema.ts'

// Who is away comes from the one condition of contract C2 (absence-repository.ts).
const awayUntil = lastDayAway('a')

/** Acting duty as stored (migration 0037): computed rows and the office's designations. */
export function createActingRepository(db: Kysely<Database>): ActingRepository {
  return {
    async lock(jurisdictionId) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${'zhengling.acting:'} || ${jurisdictionId}, 0))`.execute(
        db,
      )
    },

    async inputs(jurisdictionId, from, to) {
      // One statement: the posts with their holdings over the span, the absences that make a
      // post away on a day of it, and the designations in force on one.
      const { rows } = await sql<{
        posts: (Omit<ActingInputs['posts'][number], 'holdings'> & {
          holdings: ActingInputs['posts'][number]['holdings'] | null
          rank: number | null
        })[]
        away: ActingInputs['away']
        designations: ActingInputs['designations']
      }>`
        select
          coalesce((select json_agg(json_build_object('postId', p.id, 'role', p.role,
              'title', p.title, 'unitRulebookPost', d.rulebook_post,
              'rank', (select k.rank from post_ranks k where k.post_id = p.id),
              'holdings', (select json_agg(json_build_object('name', pe.name,
                  'from', h.from_date, 'to', h.to_date) order by h.from_date)
                from post_holdings h join people pe on pe.id = h.person_id
                where h.post_id = p.id and h.from_date <= ${to}
                  and (h.to_date is null or h.to_date >= ${from}))))
            from posts p left join departments d on d.id = p.department_id
            where p.jurisdiction_id = ${jurisdictionId}), '[]') as posts,
          coalesce((select json_agg(json_build_object('postId', a.post_id, 'absenceId', a.id,
              'standInPostId', a.stand_in_post_id, 'category', a.category, 'from', a.from_date, 'to', ${awayUntil})
              order by a.from_date, a.id)
            from absences a
            where a.jurisdiction_id = ${jurisdictionId} and ${awayDuring(from, to, 'a')}), '[]') as away,
          coalesce((select json_agg(json_build_object('id', g.id, 'postId', g.post_id,
              'actingPostId', g.acting_post_id, 'from', g.from_date, 'to', g.to_date,
              'reason', g.reason, 'designatedBy', g.designated_by)
              order by g.designated_at desc)
            from acting_designations g
            where g.jurisdiction_id = ${jurisdictionId} and g.revoked_at is null
              and g.from_date <= ${to} and g.to_date >= ${from}), '[]') as designations`.execute(db)
      const row = rows[0] ?? { posts: [], away: [], designations: [] }
      return {
        // The roster's order (依次), then the chart's order for posts the roster did not rank.
        posts: row.posts
          .sort(
            (a, b) =>
              (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
              byRoster(a, b),
          )
          .map(({ rank: _rank, ...post }) => ({ ...post, holdings: post.holdings ?? [] })),
        away: row.away,
        designations: row.designations,
      }
    },

    async replaceComputed(jurisdictionId, from, to, rows) {
      // One statement: the computed rows touching the days go; their parts before and after the
      // days come back as they were; the new rows go in.
      const fresh = JSON.stringify(
        rows.map((row) => ({
          post_id: row.postId,
          acting_post_id: row.actingPostId,
          from_date: row.from,
          to_date: row.to,
          rule_id: row.ruleId,
          source: row.source,
          absence_id: row.absenceId,
          note: row.note,
        })),
      )
      await sql`
        with gone as (
          delete from acting_assignments a using posts p
          where p.id = a.post_id and p.jurisdiction_id = ${jurisdictionId}
            and a.source in ('rule', 'designation', 'standIn')
            and a.from_date <= ${to} and a.to_date >= ${from}
          returning a.*
        )
        insert into acting_assignments (id, post_id, acting_post_id, from_date, to_date, rule_id,
          source, absence_id, designated_by, reason, note)
        select gen_random_uuid(), post_id, acting_post_id, from_date, ${from}::date - 1, rule_id,
            source, absence_id, designated_by, reason, note
          from gone where from_date < ${from}::date
        union all
        select gen_random_uuid(), post_id, acting_post_id, ${to}::date + 1, to_date, rule_id,
            source, absence_id, designated_by, reason, note
          from gone where to_date > ${to}::date
        union all
        select gen_random_uuid(), n.post_id, n.acting_post_id, n.from_date, n.to_date, n.rule_id,
            n.source, n.absence_id, null, null, n.note
          from jsonb_to_recordset(${fresh}::jsonb) as n(post_id uuid, acting_post_id uuid,
            from_date date, to_date date, rule_id text, source text, absence_id uuid, note text)`.execute(
        db,
      )
    },

    async addDesignation(designation) {
      await db
        .insertInto('acting_designations')
        .values({
          id: designation.id,
          jurisdiction_id: designation.jurisdictionId,
          post_id: designation.postId,
          acting_post_id: designation.actingPostId,
          from_date: designation.from,
          to_date: designation.to,
          reason: designation.reason,
          rule_id: designation.ruleId,
          designated_by: designation.designatedBy,
          designated_by_post_id: designation.designatedByPostId,
          designated_at: designation.designatedAt,
        })
        .execute()
    },

    async designation(id) {
      const row = await db
        .selectFrom('acting_designations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.id,
        jurisdictionId: row.jurisdiction_id,
        postId: row.post_id,
        actingPostId: row.acting_post_id,
        from: row.from_date,
        to: row.to_date,
        reason: row.reason,
        ruleId: row.rule_id,
        designatedBy: row.designated_by,
        designatedByPostId: row.designated_by_post_id,
        designatedAt: new Date(row.designated_at).toISOString(),
        revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
      }
    },

    async revokeDesignation(id, at, by) {
      await db
        .updateTable('acting_designations')
        .set({ revoked_at: at, revoked_by: by })
        .where('id', '=', id)
        .execute()
    },
  }
}
