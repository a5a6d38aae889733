import type { LeaderCalendarRepository, LeaderMeetingRow, LeaderRow } from '@zhengling/app'
import { expressionBuilder, type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'
import { awayDuring } from './absence-repository.ts'
import { visibleTo } from './visible-to.ts'

type LeaderJson = {
  post_id: string
  role: string
  title: string
  rank: number | null
  holders: { name: string; from: string; to: string | null }[]
  absences: {
    id: string
    category: string
    from: string
    to: string
    returned_on: string | null
    destination: string
    status: string
    rule_ids: string[] | null
  }[]
  acting: { post_title: string; from: string; to: string; rule_id: string | null }[]
  events: { id: string; kind: string; title: string; date: string; time: string; place: string }[]
}

const toLeaderRow = (row: LeaderJson): LeaderRow => ({
  postId: row.post_id,
  role: row.role,
  title: row.title,
  rosterRank: row.rank,
  holders: row.holders,
  absences: row.absences.map((absence) => ({
    id: absence.id,
    category: absence.category,
    from: absence.from,
    to: absence.to,
    returnedOn: absence.returned_on,
    destination: absence.destination,
    status: absence.status,
    ruleIds: absence.rule_ids ?? [],
  })),
  acting: row.acting.map((acting) => ({
    postTitle: acting.post_title,
    from: acting.from,
    to: acting.to,
    ruleId: acting.rule_id,
  })),
  events: row.events,
})

/**
 * The leaders' activity calendar's reads (领导活动安排): each one statement with the related rows
 * as JSON sub-selects. Absences are those in force (awayDuring: approved, filed or returned, up
 * to the day of 销假), events the approved requests the post is invited to; both, like meetings,
 * through the access rule (visibleTo) of their table.
 */
export function createLeaderCalendarRepository(db: Kysely<Database>): LeaderCalendarRepository {
  return {
    async leaders(viewer, roles, week) {
      const from = sql`${week.from}::date`
      const to = sql`${week.to}::date`
      // The access rule on the sub-selects' own table (its columns are the nearest in scope).
      const absenceVisible = visibleTo(viewer)(expressionBuilder<Database, 'absences'>())
      const eventVisible = visibleTo(viewer)(expressionBuilder<Database, 'event_requests'>())
      const { rows } = await sql<{ jurisdiction_name: string; leaders: LeaderJson[] }>`
        select j.name as jurisdiction_name,
          coalesce((select json_agg(json_build_object(
              'post_id', p.id, 'role', p.role, 'title', p.title, 'rank', pr.rank,
              'holders', coalesce((select json_agg(json_build_object('name', pe.name,
                  'from', h.from_date, 'to', h.to_date) order by h.from_date)
                from post_holdings h join people pe on pe.id = h.person_id
                where h.post_id = p.id and h.from_date <= ${to}
                  and (h.to_date is null or h.to_date >= ${from})), '[]'::json),
              'absences', coalesce((select json_agg(json_build_object('id', a.id,
                  'category', a.category, 'from', a.from_date, 'to', a.to_date,
                  'returned_on', a.returned_on, 'destination', a.destination,
                  'status', a.status, 'rule_ids', a.rule_ids) order by a.from_date)
                from absences a
                where a.post_id = p.id and ${absenceVisible}
                  and ${awayDuring(week.from, week.to, 'a')}), '[]'::json),
              'acting', coalesce((select json_agg(json_build_object('post_title', ap.title,
                  'from', x.from_date, 'to', x.to_date, 'rule_id', x.rule_id) order by x.from_date)
                from acting_assignments x join posts ap on ap.id = x.post_id
                where x.acting_post_id = p.id and x.from_date <= ${to}
                  and x.to_date >= ${from}), '[]'::json),
              'events', coalesce((select json_agg(json_build_object('id', e.id, 'kind', e.kind,
                  'title', e.title, 'date', e.event_date, 'time', e.event_time, 'place', e.place)
                  order by e.event_date, e.event_time)
                from event_requests e
                where e.status = 'approved' and p.id = any(e.invited_post_ids) and ${eventVisible}
                  and e.event_date between ${from} and ${to}), '[]'::json)))
            from posts p left join post_ranks pr on pr.post_id = p.id
            where p.jurisdiction_id = j.id and p.role = any(${sql.val([...roles])}::text[])),
            '[]'::json) as leaders
        from jurisdictions j where j.id = ${viewer.jurisdictionId}`.execute(db)
      const row = rows[0]
      return {
        jurisdictionName: row?.jurisdiction_name ?? '',
        leaders: (row?.leaders ?? []).map(toLeaderRow),
      }
    },

    async meetings(viewer, roles, range) {
      const leaderRoles = sql`${sql.val([...roles])}::text[]`
      const rows = await db
        .selectFrom('meetings')
        .where(visibleTo(viewer))
        .where('starts_at', '>=', new Date(range.from))
        .where('starts_at', '<', new Date(range.before))
        .where(
          sql<boolean>`exists (select 1 from posts lp
            where lp.jurisdiction_id = meetings.jurisdiction_id and lp.role = any(${leaderRoles})
              and (lp.id = meetings.presider_post_id or lp.id in (select mp.post_id
                from meeting_participants mp where mp.meeting_id = meetings.id)))`,
        )
        .select(['id', 'title', 'starts_at', 'location', 'presider_post_id'])
        .select(
          sql<LeaderMeetingRow['participants']>`coalesce((select json_agg(json_build_object(
              'postId', mp.post_id, 'role', mp.role, 'attendance', mp.attendance))
            from meeting_participants mp join posts pp on pp.id = mp.post_id
            where mp.meeting_id = meetings.id and pp.role = any(${leaderRoles})), '[]'::json)`.as(
            'participants',
          ),
        )
        .orderBy('starts_at')
        .limit(500)
        .execute()
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        startsAt: new Date(row.starts_at).toISOString(),
        location: row.location,
        presiderPostId: row.presider_post_id,
        participants: row.participants,
      }))
    },
  }
}
