import {
  type LoadedOpinion,
  type OpinionRecord,
  type OpinionRepository,
  type OpinionResponse,
  type OpinionScope,
  type OpinionStep,
  rankOf,
  SECRECY_LEVELS,
} from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

const iso = (value: Date | string) => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value))

/**
 * Who sees an item (as incidents and the duty feed): the jurisdiction and clearance, and either
 * all of them (the duty office, the government office, the leaders) or those the reader's units or
 * posts are to answer.
 */
function visible(scope: OpinionScope) {
  const cleared = SECRECY_LEVELS.filter((level) => rankOf(level) <= rankOf(scope.viewer.clearance))
  const mine = sql<boolean>`(o.responsible_department_id = any(${sql.val(scope.viewer.departmentIds)}::uuid[])
    or o.responsible_post_id = any(${sql.val(scope.viewer.postIds)}::uuid[]))`
  return sql<boolean>`o.jurisdiction_id = ${scope.viewer.jurisdictionId}
    and o.secrecy in (${sql.join(cleared)})
    and ${scope.seesAll ? sql`true` : mine}`
}

type ResponseJson = {
  id: string
  stepAct: string | null
  publishedAt: string
  channel: string
  url: string | null
  body: string
  late: boolean
  byPersonId: string
  byName: string | null
  at: string
}

/** One statement: the items with their unit's name, post's title and responses (JSON sub-select). */
function selectLoaded(db: Kysely<Database>) {
  return db
    .selectFrom('opinion_items as o')
    .selectAll('o')
    .select([
      sql<
        string | null
      >`(select name from departments d where d.id = o.responsible_department_id)`.as(
        'department_name',
      ),
      sql<string | null>`(select title from posts p where p.id = o.responsible_post_id)`.as(
        'post_title',
      ),
      sql<ResponseJson[] | null>`(
        select json_agg(json_build_object('id', x.id, 'stepAct', x.step_act,
          'publishedAt', x.published_at, 'channel', x.channel, 'url', x.url, 'body', x.body,
          'late', x.late, 'byPersonId', x.by_person_id,
          'byName', (select name from people pe where pe.id = x.by_person_id), 'at', x.at)
          order by x.published_at, x.at)
        from opinion_responses x where x.item_id = o.id)`.as('responses'),
    ])
}

type LoadedRow = Awaited<ReturnType<ReturnType<typeof selectLoaded>['executeTakeFirstOrThrow']>>

function toLoaded(row: LoadedRow): LoadedOpinion {
  const record: OpinionRecord = {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    category: row.category,
    categoryLabel: row.category_label,
    title: row.title,
    summary: row.summary,
    source: row.source,
    sourceUrl: row.source_url,
    surfacedAt: iso(row.surfaced_at),
    responsibleDepartmentId: row.responsible_department_id,
    responsiblePostId: row.responsible_post_id,
    steps: row.steps as OpinionStep[],
    ruleIds: row.rule_ids,
    status: row.status,
    secrecy: row.secrecy,
    createdByPersonId: row.created_by_person_id,
    createdAt: iso(row.created_at),
    closedAt: isoOrNull(row.closed_at),
    closedByPersonId: row.closed_by_person_id,
  }
  return {
    record,
    responses: (row.responses ?? []).map((response) => ({
      ...response,
      itemId: row.id,
      publishedAt: iso(response.publishedAt),
      at: iso(response.at),
    })),
    responsibleDepartmentName: row.department_name,
    responsiblePostTitle: row.post_title,
  }
}

/** 政务舆情 (migration 0043): items and their responses, read through the scope. */
export function createOpinionRepository(db: Kysely<Database>): OpinionRepository {
  return {
    async insert(record) {
      await db
        .insertInto('opinion_items')
        .values({
          id: record.id,
          jurisdiction_id: record.jurisdictionId,
          category: record.category,
          category_label: record.categoryLabel,
          title: record.title,
          summary: record.summary,
          source: record.source,
          source_url: record.sourceUrl,
          surfaced_at: record.surfacedAt,
          responsible_department_id: record.responsibleDepartmentId,
          responsible_post_id: record.responsiblePostId,
          steps: JSON.stringify(record.steps),
          rule_ids: record.ruleIds,
          status: record.status,
          secrecy: record.secrecy,
          created_by_person_id: record.createdByPersonId,
          created_at: record.createdAt,
          closed_at: record.closedAt,
          closed_by_person_id: record.closedByPersonId,
        })
        .execute()
    },
    async update(id, changes) {
      const set = {
        ...(changes.steps ? { steps: JSON.stringify(changes.steps) } : {}),
        ...(changes.status ? { status: changes.status } : {}),
        ...(changes.closedAt !== undefined ? { closed_at: changes.closedAt } : {}),
        ...(changes.closedByPersonId !== undefined
          ? { closed_by_person_id: changes.closedByPersonId }
          : {}),
      }
      if (Object.keys(set).length === 0) return
      await db.updateTable('opinion_items').set(set).where('id', '=', id).execute()
    },
    async insertResponse(response: OpinionResponse) {
      await db
        .insertInto('opinion_responses')
        .values({
          id: response.id,
          item_id: response.itemId,
          step_act: response.stepAct,
          published_at: response.publishedAt,
          channel: response.channel,
          url: response.url,
          body: response.body,
          late: response.late,
          by_person_id: response.byPersonId,
          at: response.at,
        })
        .execute()
    },
    async load(scope, id, options = {}) {
      let query = selectLoaded(db).where('o.id', '=', id)
      if (scope) query = query.where(visible(scope))
      if (options.forUpdate) query = query.forUpdate('o')
      const row = await query.executeTakeFirst()
      return row ? toLoaded(row) : undefined
    },
    async list(scope, query) {
      let select = selectLoaded(db).where(visible(scope))
      if (query.status === 'active') select = select.where('o.status', '!=', 'closed')
      else if (query.status) select = select.where('o.status', '=', query.status)
      const rows = await select
        .orderBy('o.surfaced_at', 'desc')
        .orderBy('o.id')
        .limit(query.limit)
        .execute()
      return rows.map(toLoaded)
    },
  }
}
