import type {
  EventRequestCheck,
  EventRequestHistoryEntry,
  EventRequestRepository,
  LoadedEventRequest,
} from '@zhengling/app'
import { type Kysely, type Selectable, sql } from 'kysely'
import { historyColumns } from './history-columns.ts'
import type { Database } from './schema.ts'
import { visibleTo } from './visible-to.ts'

const iso = (value: Date | string) => new Date(value).toISOString()

type Row = Selectable<Database['event_requests']> & {
  unit_name: string
  filed_by_name: string
  filed_by_post_title: string
  invited: { postId: string; title: string }[] | null
  history: (Omit<EventRequestHistoryEntry, 'occurredAt'> & { occurredAt: string })[] | null
}

function toRequest(row: Row): LoadedEventRequest {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    kind: row.kind,
    scope: row.scope,
    title: row.title,
    date: row.event_date,
    time: row.event_time,
    place: row.place,
    unitId: row.unit_id,
    invitedPostIds: row.invited_post_ids,
    filedByPersonId: row.filed_by_person_id,
    filedByPostId: row.filed_by_post_id,
    filedOn: row.filed_on,
    status: row.status,
    late: row.late,
    checks: row.checks as EventRequestCheck[],
    ruleIds: row.rule_ids,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    decidedByPostId: row.decided_by_post_id,
    opinion: row.opinion,
    secrecy: row.secrecy,
    distributionPosts: row.distribution_posts,
    distributionDepartments: row.distribution_departments,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    unitName: row.unit_name,
    filedByName: row.filed_by_name,
    filedByPostTitle: row.filed_by_post_title,
    // The order asked of the invitation, titles from the posts.
    invited: row.invited_post_ids.map((postId) => ({
      postId,
      title: row.invited?.find((p) => p.postId === postId)?.title ?? '',
    })),
    history: (row.history ?? []).map((entry) => ({ ...entry, occurredAt: iso(entry.occurredAt) })),
  }
}

/**
 * The request with the names a page shows (and, for one request's page, its history), as scalar
 * sub-selects: one statement, and a FOR UPDATE locks the request row alone. Lists read no history.
 */
function withNames(db: Kysely<Database>, options: { history: boolean } = { history: true }) {
  const query = db
    .selectFrom('event_requests as q')
    .selectAll('q')
    .select([
      sql<string>`(select name from departments d where d.id = q.unit_id)`.as('unit_name'),
      sql<string>`(select name from people p where p.id = q.filed_by_person_id)`.as(
        'filed_by_name',
      ),
      sql<string>`(select title from posts p where p.id = q.filed_by_post_id)`.as(
        'filed_by_post_title',
      ),
      sql<{ postId: string; title: string }[] | null>`(
        select json_agg(json_build_object('postId', p.id, 'title', p.title))
        from posts p where p.id = any(q.invited_post_ids))`.as('invited'),
    ])
  if (!options.history) return query
  return query.select([
    sql<Row['history']>`(
        select json_agg(json_build_object(
          'occurredAt', e.occurred_at, 'actorPersonId', e.actor_person_id,
          'actorPostId', e.actor_post_id,
          'personName', (select name from people p where p.id = e.actor_person_id),
          'postTitle', (select title from posts p where p.id = e.actor_post_id),
          'action', e.action, 'text', e.text, 'ruleIds', e.rule_ids, 'details', e.details
        ) order by e.id)
        from event_request_events e where e.request_id = q.id)`.as('history'),
  ])
}

export function createEventRequestRepository(db: Kysely<Database>): EventRequestRepository {
  return {
    async insert(request) {
      await db
        .insertInto('event_requests')
        .values({
          id: request.id,
          jurisdiction_id: request.jurisdictionId,
          kind: request.kind,
          scope: request.scope,
          title: request.title,
          event_date: request.date,
          event_time: request.time,
          place: request.place,
          unit_id: request.unitId,
          invited_post_ids: request.invitedPostIds,
          filed_by_person_id: request.filedByPersonId,
          filed_by_post_id: request.filedByPostId,
          filed_on: request.filedOn,
          status: request.status,
          late: request.late,
          checks: JSON.stringify(request.checks),
          rule_ids: request.ruleIds,
          decided_at: request.decidedAt,
          decided_by_post_id: request.decidedByPostId,
          opinion: request.opinion,
          secrecy: request.secrecy,
          distribution_posts: request.distributionPosts,
          distribution_departments: request.distributionDepartments,
          created_at: request.createdAt,
          updated_at: request.updatedAt,
        })
        .execute()
    },

    async visible(viewer, id, options = {}) {
      let query = withNames(db).where('q.id', '=', id).where(visibleTo(viewer))
      if (options.forUpdate) query = query.forUpdate()
      const row = await query.executeTakeFirst()
      return row ? toRequest(row as Row) : undefined
    },

    async update(id, changes, at) {
      await db
        .updateTable('event_requests')
        .set({
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          ...(changes.decidedAt !== undefined ? { decided_at: changes.decidedAt } : {}),
          ...(changes.decidedByPostId !== undefined
            ? { decided_by_post_id: changes.decidedByPostId }
            : {}),
          ...(changes.opinion !== undefined ? { opinion: changes.opinion } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute()
    },

    async appendEvent(event) {
      await db
        .insertInto('event_request_events')
        .values({ request_id: event.requestId, ...historyColumns(event) })
        .execute()
    },

    async list(viewer, query) {
      let base = withNames(db, { history: false }).where(visibleTo(viewer))
      if (query.status) base = base.where('q.status', '=', query.status)
      if (query.unitId) base = base.where('q.unit_id', '=', query.unitId)
      if (query.from) base = base.where('q.event_date', '>=', query.from)
      if (query.to) base = base.where('q.event_date', '<=', query.to)
      const rows = await base
        .orderBy('q.event_date', 'desc')
        .orderBy('q.id')
        .limit(query.limit)
        .execute()
      return rows.map((row) => toRequest(row as Row))
    },

    async countStanding(query) {
      const row = await db
        .selectFrom('event_requests')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('unit_id', '=', query.unitId)
        .where('kind', '=', query.kind)
        .where('scope', '=', query.scope)
        .where('event_date', '>=', query.from)
        .where('event_date', '<=', query.to)
        .where('status', 'in', ['pending', 'approved'])
        .executeTakeFirstOrThrow()
      return row.n
    },
  }
}
