import type {
  AbsenceConflict,
  AbsenceEvent,
  AbsenceLine,
  AbsenceRecord,
  AbsenceRepository,
  AbsenceStatus,
  NewAbsenceEvent,
} from '@zhengling/app'
import { type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, sql } from 'kysely'
import { jobValues, type ScheduledJob } from './job-queue.ts'
import type { Database } from './schema.ts'
import { visibleTo } from './visible-to.ts'

const iso = (value: Date | string) => new Date(value).toISOString()

/**
 * Whether a post's holder is away on day `day` by this absence (issue 15, contract C2): approved,
 * filed or closed by 销假, and the day within its dates, up to the day of return. Every module
 * asking who is away (acting duty, the calendar, reminders) uses this one condition, on the
 * table's columns (`absences` or an alias of it).
 */
export function awayOn(day: string, alias = 'absences') {
  return awayDuring(day, day, alias)
}

/** The same condition over a span: away on some day of [from, to] (dates, or date expressions). */
export function awayDuring(
  from: string | RawBuilder<unknown>,
  to: string | RawBuilder<unknown>,
  alias = 'absences',
) {
  const column = (name: string) => sql.ref(`${alias}.${name}`)
  return sql<boolean>`(${column('status')} in ('approved', 'filed', 'returned')
    and ${column('from_date')} <= ${to}::date
    and ${from}::date <= ${lastDayAway(alias)})`
}

/** The last day the holder is away by the absence: its end, or the day of 销假 if earlier. */
export function lastDayAway(alias = 'absences') {
  const column = (name: string) => sql.ref(`${alias}.${name}`)
  return sql<string>`least(${column('to_date')}, coalesce(${column('returned_on')}, ${column('to_date')}))`
}

type AbsenceRow = Selectable<Database['absences']>

function toRecord(row: AbsenceRow): AbsenceRecord {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    personId: row.person_id,
    postId: row.post_id,
    unitId: row.unit_id,
    category: row.category,
    from: row.from_date,
    to: row.to_date,
    days: row.days,
    destination: row.destination,
    reason: row.reason,
    contact: row.contact,
    standInPostId: row.stand_in_post_id,
    mode: row.mode,
    status: row.status,
    approverPostId: row.approver_post_id,
    approverPostIds: row.approver_post_ids,
    viaPostIds: row.via_post_ids,
    informPostIds: row.inform_post_ids,
    fileWithPostIds: row.file_with_post_ids,
    reportBackPostIds: row.report_back_post_ids,
    filedAt: iso(row.filed_at),
    latestFiling: row.latest_filing,
    late: row.late,
    conflict: row.conflict as AbsenceConflict | null,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    decidedByPostId: row.decided_by_post_id,
    opinion: row.opinion,
    returnedOn: row.returned_on,
    returnReport: row.return_report,
    ruleIds: row.rule_ids,
    secrecy: row.secrecy,
    distributionPosts: row.distribution_posts,
    distributionDepartments: row.distribution_departments,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

/** Every post id a record names, for the titles read with it. */
const NAMED_POSTS = sql`array[a.post_id, a.stand_in_post_id, a.approver_post_id, a.decided_by_post_id]
  || a.approver_post_ids || a.via_post_ids || a.inform_post_ids || a.file_with_post_ids
  || a.report_back_post_ids || a.distribution_posts`

interface OverlapJson {
  id: string
  post_id: string
  role: string
  post_title: string
  from: string
  to: string
  status: AbsenceStatus
}

/** absence_events' columns after absence_id, in the order `eventValues` gives them. */
const EVENT_COLUMNS = [
  'absence_id',
  'occurred_at',
  'actor_person_id',
  'actor_post_id',
  'action',
  'text',
  'rule_ids',
  'details',
] as const

/** An act's history entry as the values of one row, beside the absence's id from its CTE. */
function eventValues(event: Omit<NewAbsenceEvent, 'absenceId'>) {
  return [
    sql<Date>`${event.occurredAt}::timestamptz`.as('occurred_at'),
    sql<string>`${event.actorPersonId}::uuid`.as('actor_person_id'),
    sql<string>`${event.actorPostId}::uuid`.as('actor_post_id'),
    sql<string>`${event.action}`.as('action'),
    sql<string>`${event.text}::text`.as('text'),
    sql<string[]>`${event.ruleIds}::text[]`.as('rule_ids'),
    sql<string>`${JSON.stringify(event.details)}::jsonb`.as('details'),
  ]
}

/** An acting row for the absent post, as the load reads it. */
interface ActingJson {
  from: string
  to: string
  acting_post_title: string
  note: string | null
  rule_id: string | null
  holders: string[]
}

interface HistoryJson {
  occurred_at: string
  actor_person_id: string | null
  actor_post_id: string | null
  actor_name: string | null
  actor_post_title: string | null
  action: string
  text: string | null
  rule_ids: string[]
  details: Record<string, unknown>
}

const toEvent = (row: HistoryJson): AbsenceEvent => ({
  occurredAt: iso(row.occurred_at),
  actorPersonId: row.actor_person_id,
  actorPostId: row.actor_post_id,
  actorName: row.actor_name,
  actorPostTitle: row.actor_post_title,
  action: row.action,
  text: row.text,
  ruleIds: row.rule_ids ?? [],
  details: row.details ?? {},
})

/** Adds the act's timers to a statement as one more insert (a retried act keeps one of each). */
function withTimers<Q extends { with: Kysely<Database>['with'] }>(
  query: Q,
  timers: readonly ScheduledJob[],
): Q {
  if (timers.length === 0) return query
  return query.with('timers', (w) =>
    w
      .insertInto('jobs')
      .values(timers.map(jobValues))
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .returning('id'),
  ) as unknown as Q
}

export function createAbsenceRepository(db: Kysely<Database>): AbsenceRepository {
  return {
    async insert(record, event, timers = []) {
      const values = {
        id: record.id,
        jurisdiction_id: record.jurisdictionId,
        person_id: record.personId,
        post_id: record.postId,
        unit_id: record.unitId,
        category: record.category,
        from_date: record.from,
        to_date: record.to,
        days: record.days,
        destination: record.destination,
        reason: record.reason,
        contact: record.contact,
        stand_in_post_id: record.standInPostId,
        mode: record.mode,
        status: record.status,
        approver_post_id: record.approverPostId,
        approver_post_ids: record.approverPostIds,
        via_post_ids: record.viaPostIds,
        inform_post_ids: record.informPostIds,
        file_with_post_ids: record.fileWithPostIds,
        report_back_post_ids: record.reportBackPostIds,
        filed_at: record.filedAt,
        latest_filing: record.latestFiling,
        late: record.late,
        conflict: record.conflict ? JSON.stringify(record.conflict) : null,
        decided_at: record.decidedAt,
        decided_by_post_id: record.decidedByPostId,
        opinion: record.opinion,
        returned_on: record.returnedOn,
        return_report: record.returnReport,
        rule_ids: record.ruleIds,
        secrecy: record.secrecy,
        distribution_posts: record.distributionPosts,
        distribution_departments: record.distributionDepartments,
        version: record.version,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      }
      // The absence, its first history entry and its timers in one statement.
      await withTimers(
        db.with('inserted', (w) => w.insertInto('absences').values(values).returning('id')),
        timers,
      )
        .insertInto('absence_events')
        .columns(EVENT_COLUMNS)
        .expression((eb) =>
          eb.selectFrom('inserted').select(['inserted.id', ...eventValues(event)]),
        )
        .execute()
    },

    async load(viewer, id, options = {}) {
      let query = db
        .selectFrom('absences as a')
        .selectAll('a')
        .select([
          sql<string>`(select name from people where id = a.person_id)`.as('person_name'),
          sql<string>`(select role from posts where id = a.post_id)`.as('post_role'),
          sql<OverlapJson[]>`coalesce((select json_agg(json_build_object('id', o.id,
              'post_id', o.post_id, 'role', p.role, 'post_title', p.title, 'from', o.from_date,
              'to', ${lastDayAway('o')}, 'status', o.status))
            from absences o join posts p on p.id = o.post_id
            where o.jurisdiction_id = a.jurisdiction_id and o.id <> a.id
              and ${awayDuring(sql`a.from_date`, sql`a.to_date`, 'o')}), '[]'::json)`.as(
            'overlapping',
          ),
          sql<
            string | null
          >`(select name from people where id = ${options.actorPersonId ?? null}::uuid)`.as(
            'actor_name',
          ),
          sql<Record<string, string> | null>`(select json_object_agg(p.id, p.title) from posts p
            where p.id = any(${NAMED_POSTS}))`.as('post_titles'),
          sql<HistoryJson[]>`coalesce((select json_agg(json_build_object(
              'occurred_at', e.occurred_at, 'actor_person_id', e.actor_person_id,
              'actor_post_id', e.actor_post_id, 'actor_name', pe.name, 'actor_post_title', po.title,
              'action', e.action, 'text', e.text, 'rule_ids', e.rule_ids, 'details', e.details)
              order by e.id)
            from absence_events e
            left join people pe on pe.id = e.actor_person_id
            left join posts po on po.id = e.actor_post_id
            where e.absence_id = a.id), '[]'::json)`.as('history'),
          // Who acts for the post over the days the absence is in force, as acting duty wrote it.
          sql<ActingJson[]>`coalesce((select json_agg(json_build_object('from', x.from_date,
              'to', x.to_date, 'acting_post_title', ap.title, 'note', x.note, 'rule_id', x.rule_id,
              'holders', coalesce((select json_agg(pe.name order by pe.name)
                from post_holdings h join people pe on pe.id = h.person_id
                where h.post_id = x.acting_post_id and h.from_date <= x.to_date
                  and (h.to_date is null or h.to_date >= x.from_date)), '[]'::json))
              order by x.from_date)
            from acting_assignments x join posts ap on ap.id = x.acting_post_id
            where x.post_id = a.post_id and x.source <> 'roster'
              and a.status in ('approved', 'filed', 'returned')
              and x.from_date <= ${lastDayAway('a')}
              and x.to_date >= a.from_date), '[]'::json)`.as('acting'),
        ])
        .where('a.id', '=', id)
        .where(visibleTo(viewer))
      if (options.forUpdate) query = query.forUpdate()
      const row = await query.executeTakeFirst()
      if (!row) return undefined
      const {
        person_name,
        post_role,
        overlapping,
        actor_name,
        post_titles,
        history,
        acting,
        ...record
      } = row
      return {
        record: toRecord(record as AbsenceRow),
        personName: person_name,
        postRole: post_role,
        overlapping: overlapping.map((o) => ({
          id: o.id,
          postId: o.post_id,
          role: o.role,
          postTitle: o.post_title,
          from: o.from,
          to: o.to,
          status: o.status,
        })),
        actorName: actor_name,
        postTitles: post_titles ?? {},
        history: history.map(toEvent),
        acting: acting.map((x) => ({
          from: x.from,
          to: x.to,
          actingPostTitle: x.acting_post_title,
          actingHolders: x.holders,
          note: x.note ?? '',
          ruleId: x.rule_id,
        })),
      }
    },

    async update(id, changes, at, event, timers = []) {
      const set: Record<string, unknown> = { updated_at: at }
      if (changes.status !== undefined) set.status = changes.status
      if (changes.approverPostId !== undefined) set.approver_post_id = changes.approverPostId
      if (changes.approverPostIds !== undefined) set.approver_post_ids = changes.approverPostIds
      if (changes.decidedAt !== undefined) set.decided_at = changes.decidedAt
      if (changes.decidedByPostId !== undefined) set.decided_by_post_id = changes.decidedByPostId
      if (changes.opinion !== undefined) set.opinion = changes.opinion
      if (changes.returnedOn !== undefined) set.returned_on = changes.returnedOn
      if (changes.returnReport !== undefined) set.return_report = changes.returnReport
      if (changes.ruleIds !== undefined) set.rule_ids = changes.ruleIds
      // The change, its history entry and its timers in one statement.
      await withTimers(
        db.with('changed', (w) =>
          w
            .updateTable('absences')
            .set({ ...set, version: sql`version + 1` })
            .where('id', '=', id)
            .returning('id'),
        ),
        timers,
      )
        .insertInto('absence_events')
        .columns(EVENT_COLUMNS)
        .expression((eb) => eb.selectFrom('changed').select(['changed.id', ...eventValues(event)]))
        .execute()
    },

    async overlapping(jurisdictionId, from, to, options) {
      if (options.statuses.length === 0) return []
      let query = db
        .selectFrom('absences as a')
        .innerJoin('posts as p', 'p.id', 'a.post_id')
        .select([
          'a.id',
          'a.post_id',
          'p.role',
          'p.title',
          'a.from_date',
          lastDayAway('a').as('last_day'),
          'a.status',
        ])
        .where('a.jurisdiction_id', '=', jurisdictionId)
        .where('a.status', 'in', [...options.statuses])
        .where('a.from_date', '<=', to)
        .where(sql<boolean>`${lastDayAway('a')} >= ${from}::date`)
        .orderBy('a.from_date')
      if (options.exceptId) query = query.where('a.id', '<>', options.exceptId)
      const rows = await query.execute()
      return rows.map((row) => ({
        id: row.id,
        postId: row.post_id,
        role: row.role,
        postTitle: row.title,
        from: row.from_date,
        to: row.last_day,
        status: row.status as AbsenceStatus,
      }))
    },

    async list(viewer, query) {
      let base = db
        .selectFrom('absences as a')
        .selectAll('a')
        .select([
          sql<string>`(select name from people where id = a.person_id)`.as('person_name'),
          sql<string>`(select title from posts where id = a.post_id)`.as('post_title'),
          sql<string | null>`(select title from posts where id = a.approver_post_id)`.as(
            'approver_title',
          ),
        ])
        .where((eb) => visibleTo(viewer)(eb as unknown as ExpressionBuilder<Database, 'absences'>))
      if (query.scope === 'mine') base = base.where('a.person_id', '=', query.personId)
      if (query.scope === 'toDecide')
        base = base
          .where('a.status', '=', 'pending')
          .where(sql<boolean>`a.approver_post_ids && ${sql.val(query.postIds)}::uuid[]`)
      if (query.status) base = base.where('a.status', '=', query.status)
      if (query.from) base = base.where('a.to_date', '>=', query.from)
      if (query.to) base = base.where('a.from_date', '<=', query.to)
      const rows = await base
        .orderBy('a.from_date', 'desc')
        .orderBy('a.id')
        .limit(query.limit)
        .execute()
      return rows.map(({ person_name, post_title, approver_title, ...row }): AbsenceLine => ({
        record: toRecord(row as AbsenceRow),
        personName: person_name,
        postTitle: post_title,
        approverTitle: approver_title,
      }))
    },
  }
}
