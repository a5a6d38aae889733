import {
  actorLabel,
  type DocumentRecord,
  type DocumentRepository,
  type DocumentTask,
  rankOf,
  SECRECY_LEVELS,
  type Viewer,
} from '@zhengling/app'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database } from './schema.ts'
import { documentRegister } from './document-register-query.ts'
import { scheduleJobs } from './job-queue.ts'
import { visibleTo } from './visible-to.ts'

const iso = (value: Date | string) => new Date(value).toISOString()

function toDocument(row: Selectable<Database['documents']>): DocumentRecord {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    direction: row.direction,
    kind: row.kind,
    title: row.title,
    body: row.body,
    senderDepartmentId: row.sender_department_id,
    senderReference: row.sender_reference,
    issuer: row.issuer,
    documentNumber: row.document_number,
    secrecy: row.secrecy,
    secrecyPeriod: row.secrecy_period,
    urgency: row.urgency,
    mainRecipients: row.main_recipients,
    copyRecipients: row.copy_recipients,
    signatories: row.signatories,
    contact: row.contact,
    state: row.state,
    dueDate: row.due_date,
    distributionPosts: row.distribution_posts,
    distributionDepartments: row.distribution_departments,
    createdByPersonId: row.created_by_person_id,
    createdByPostId: row.created_by_post_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    plan: Object.keys(row.plan).length ? (row.plan as unknown as DocumentRecord['plan']) : null,
    disclosure: row.disclosure,
    disclosureReason: row.disclosure_reason,
    receiptNumber: row.receipt_number,
    externalSender: row.external_sender,
    copies: row.copies,
    receivedOn: row.received_on,
  }
}

function toTask(row: Selectable<Database['document_tasks']>): DocumentTask {
  return {
    id: row.id,
    documentId: row.document_id,
    jurisdictionId: row.jurisdiction_id,
    assigneePostId: row.assignee_post_id,
    assigneeDepartmentId: row.assignee_department_id,
    kind: row.kind,
    dueDate: row.due_date,
    openedAt: iso(row.opened_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    outcome: row.outcome,
  }
}

const uuids = (ids: readonly string[]) => sql`${sql.val(ids)}::uuid[]`

/** 知悉范围 grown by posts and units (never shrunk), as column values of an update. */
const widened = (add: { posts?: string[]; departments?: string[] }) => ({
  distribution_posts: sql<
    string[]
  >`array(select distinct unnest(distribution_posts || ${uuids(add.posts ?? [])}))`,
  distribution_departments: sql<
    string[]
  >`array(select distinct unnest(distribution_departments || ${uuids(add.departments ?? [])}))`,
})

/** A task as its row is inserted. */
export function taskValues(task: DocumentTask) {
  return {
    id: task.id,
    document_id: task.documentId,
    jurisdiction_id: task.jurisdictionId,
    assignee_post_id: task.assigneePostId,
    assignee_department_id: task.assigneeDepartmentId,
    kind: task.kind,
    due_date: task.dueDate,
    opened_at: task.openedAt,
  }
}

interface EventNames {
  actor_name: string | null
  actor_post: string | null
}

/** A flow event as read, with who acted (name and post) as the history shows it. */
function toEvent(row: Selectable<Database['document_events']> & EventNames) {
  return {
    documentId: row.document_id,
    occurredAt: iso(row.occurred_at),
    actorPersonId: row.actor_person_id,
    actorPostId: row.actor_post_id,
    action: row.action,
    opinion: row.opinion,
    ruleIds: row.rule_ids,
    details: row.details,
    actor: actorLabel(row.actor_name, row.actor_post, row.details),
  }
}

/**
 * The access rule as a text-search query over document_access_lexemes (migration 0034): the
 * viewer's jurisdiction, a level it is cleared for, and everyone or one of its posts or units —
 * visibleTo's rule, for the search index.
 */
export function accessQuery(viewer: Viewer): string {
  const lexeme = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
  const any = (values: string[]) => `(${values.map(lexeme).join(' | ')})`
  const cleared = SECRECY_LEVELS.filter((level) => rankOf(level) <= rankOf(viewer.clearance))
  return [
    lexeme(`#j:${viewer.jurisdictionId}`),
    any(cleared.map((level) => `#s:${level}`)),
    any([
      '#all',
      ...viewer.postIds.map((id) => `#p:${id}`),
      ...viewer.departmentIds.map((id) => `#d:${id}`),
    ]),
  ].join(' & ')
}

export function createDocumentRepository(db: Kysely<Database>): DocumentRepository {
  return {
    async insert(document, searchText) {
      await db
        .insertInto('documents')
        .values({
          id: document.id,
          jurisdiction_id: document.jurisdictionId,
          direction: document.direction,
          kind: document.kind,
          title: document.title,
          body: document.body,
          sender_department_id: document.senderDepartmentId,
          sender_reference: document.senderReference,
          issuer: document.issuer,
          document_number: document.documentNumber,
          secrecy: document.secrecy,
          secrecy_period: document.secrecyPeriod,
          urgency: document.urgency,
          main_recipients: document.mainRecipients,
          copy_recipients: document.copyRecipients,
          signatories: document.signatories,
          contact: document.contact,
          state: document.state,
          due_date: document.dueDate,
          distribution_posts: document.distributionPosts,
          distribution_departments: document.distributionDepartments,
          created_by_person_id: document.createdByPersonId,
          created_by_post_id: document.createdByPostId,
          created_at: document.createdAt,
          updated_at: document.updatedAt,
          plan: JSON.stringify(document.plan ?? {}),
          disclosure: document.disclosure,
          disclosure_reason: document.disclosureReason,
          receipt_number: document.receiptNumber,
          external_sender: document.externalSender,
          copies: document.copies,
          received_on: document.receivedOn,
          // Words already segmented (Chinese has no spaces); 'simple' keeps them as they are.
          search: sql`to_tsvector('simple', ${searchText})`,
        })
        .execute()
    },

    async visible(viewer, id, options = {}) {
      let query = db
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(viewer))
      if (options.forUpdate) query = query.forUpdate()
      const row = await query.executeTakeFirst()
      return row ? toDocument(row) : undefined
    },

    async lockForAct(viewer, id, actor) {
      // One statement: the document locked through the access filter, its open tasks and its
      // history (with who acted), and the names the act's own event will show.
      const row = await db
        .selectFrom('documents')
        .selectAll('documents')
        .select([
          sql<Selectable<Database['document_tasks']>[]>`coalesce((
            select json_agg(t order by t.opened_at) from document_tasks t
            where t.document_id = documents.id and t.closed_at is null), '[]')`.as('act_tasks'),
          sql<(Selectable<Database['document_events']> & EventNames)[]>`coalesce((
            select json_agg(json_build_object(
              'document_id', e.document_id, 'occurred_at', e.occurred_at,
              'actor_person_id', e.actor_person_id, 'actor_post_id', e.actor_post_id,
              'action', e.action, 'opinion', e.opinion, 'rule_ids', e.rule_ids,
              'details', e.details, 'actor_name', p.name, 'actor_post', o.title) order by e.id)
            from document_events e
            left join people p on p.id = e.actor_person_id
            left join posts o on o.id = e.actor_post_id
            where e.document_id = documents.id), '[]')`.as('act_events'),
          sql<string | null>`(select name from people where id = ${actor.personId})`.as(
            'act_person_name',
          ),
          sql<Record<string, string> | null>`(select json_object_agg(id, title) from posts
            where id = any(${uuids(actor.postIds)}))`.as('act_post_titles'),
        ])
        .where('id', '=', id)
        .where(visibleTo(viewer))
        .forUpdate()
        .executeTakeFirst()
      if (!row) return undefined
      const { act_tasks, act_events, act_person_name, act_post_titles, ...document } = row
      return {
        document: toDocument(document),
        tasks: act_tasks.map(toTask),
        events: act_events.map(toEvent),
        personName: act_person_name,
        postTitles: act_post_titles ?? {},
      }
    },

    async update(id, changes, updatedAt, widen) {
      await db
        .updateTable('documents')
        .set({
          ...(widen ? widened(widen) : {}),
          ...(changes.state !== undefined ? { state: changes.state } : {}),
          ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
          ...(changes.documentNumber !== undefined
            ? { document_number: changes.documentNumber }
            : {}),
          ...(changes.body !== undefined ? { body: changes.body } : {}),
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.plan !== undefined ? { plan: JSON.stringify(changes.plan ?? {}) } : {}),
          ...(changes.disclosure !== undefined ? { disclosure: changes.disclosure } : {}),
          ...(changes.disclosureReason !== undefined
            ? { disclosure_reason: changes.disclosureReason }
            : {}),
          ...(changes.receiptNumber !== undefined ? { receipt_number: changes.receiptNumber } : {}),
          ...(updatedAt === null ? {} : { updated_at: updatedAt }),
        })
        .where('id', '=', id)
        .execute()
    },

    async widenDistribution(id, add) {
      await db.updateTable('documents').set(widened(add)).where('id', '=', id).execute()
    },

    async appendEvent(event) {
      await db
        .insertInto('document_events')
        .values({
          document_id: event.documentId,
          occurred_at: event.occurredAt,
          actor_person_id: event.actorPersonId,
          actor_post_id: event.actorPostId,
          action: event.action,
          opinion: event.opinion,
          rule_ids: event.ruleIds,
          details: JSON.stringify(event.details),
        })
        .execute()
    },

    async events(documentId) {
      const rows = await db
        .selectFrom('document_events')
        .leftJoin('people', 'people.id', 'document_events.actor_person_id')
        .leftJoin('posts', 'posts.id', 'document_events.actor_post_id')
        .selectAll('document_events')
        .select(['people.name as actor_name', 'posts.title as actor_post'])
        .where('document_id', '=', documentId)
        .orderBy('document_events.id')
        .execute()
      return rows.map(toEvent)
    },

    async openTask(task) {
      await db
        .insertInto('document_tasks')
        .values({
          id: task.id,
          document_id: task.documentId,
          jurisdiction_id: task.jurisdictionId,
          assignee_post_id: task.assigneePostId,
          assignee_department_id: task.assigneeDepartmentId,
          kind: task.kind,
          due_date: task.dueDate,
          opened_at: task.openedAt,
        })
        .execute()
    },

    async openTaskBatch(tasks, _document, timers = []) {
      if (tasks.length === 0) return
      await db.insertInto('document_tasks').values(tasks.map(taskValues)).execute()
      await scheduleJobs(db, timers)
    },

    async openTasks(documentId) {
      const rows = await db
        .selectFrom('document_tasks')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('closed_at', 'is', null)
        .orderBy('opened_at')
        .execute()
      return rows.map(toTask)
    },

    async openTasksOf(documentIds) {
      if (documentIds.length === 0) return []
      const rows = await db
        .selectFrom('document_tasks')
        .selectAll()
        .where('document_id', 'in', [...documentIds])
        .where('closed_at', 'is', null)
        .orderBy('opened_at')
        .execute()
      return rows.map(toTask)
    },

    async closeTasks(documentId, match, closedAt, outcome) {
      const result = await db
        .updateTable('document_tasks')
        .set({ closed_at: closedAt, outcome })
        .where('document_id', '=', documentId)
        .where('kind', '=', match.kind)
        .where('closed_at', 'is', null)
        .where((eb) =>
          eb.or([
            ...(match.postIds?.length ? [eb('assignee_post_id', 'in', match.postIds)] : []),
            ...(match.departmentIds?.length
              ? [eb('assignee_department_id', 'in', match.departmentIds)]
              : []),
            ...(!match.postIds && !match.departmentIds ? [sql<boolean>`true`] : []),
          ]),
        )
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    },

    async inbox(viewer, page) {
      // Per desk (each of the viewer's posts and units), its open tasks in the index's order
      // (document_tasks_open_post / _department), the invisible skipped, up to a page; then the
      // page of all desks merged. The read stops at a page per desk, however many tasks wait.
      const visible = db
        .selectFrom('documents as visible')
        .select(sql`1`.as('one'))
        .where(sql<boolean>`visible.id = document_tasks.document_id`)
        .where(visibleTo(viewer))
      const openAt = (column: 'assignee_post_id' | 'assignee_department_id', ids: string[]) => sql`
        select desk_tasks.* from unnest(${uuids(ids)}) as desk (id)
        cross join lateral (
          select document_tasks.* from document_tasks
          where ${sql.ref(`document_tasks.${column}`)} = desk.id
            and document_tasks.closed_at is null
            and document_tasks.jurisdiction_id = ${viewer.jurisdictionId}
            and exists (${visible})
          order by document_tasks.due_date nulls last, document_tasks.opened_at
          limit ${page.limit}
        ) desk_tasks`
      const result = await sql<
        Selectable<Database['document_tasks']> & {
          direction: DocumentRecord['direction']
          document_kind: string
          title: string
          state: string
          urgency: DocumentRecord['urgency']
          secrecy: DocumentRecord['secrecy']
          document_due_date: string | null
          sender_name: string | null
        }
      >`
        select open_tasks.*, documents.direction, documents.kind as document_kind,
               documents.title, documents.state, documents.urgency, documents.secrecy,
               documents.due_date as document_due_date,
               coalesce(departments.name, documents.external_sender) as sender_name
        from (
          ${openAt('assignee_post_id', [...new Set(viewer.postIds)])}
          union all
          ${openAt('assignee_department_id', [...new Set(viewer.departmentIds)])}
        ) open_tasks
        join documents on documents.id = open_tasks.document_id
        left join departments on departments.id = documents.sender_department_id
        order by open_tasks.due_date nulls last, open_tasks.opened_at
        limit ${page.limit}`.execute(db)
      const rows = result.rows
      return rows.map((row) => ({
        task: toTask(row),
        document: {
          id: row.document_id,
          direction: row.direction,
          kind: row.document_kind,
          title: row.title,
          state: row.state,
          urgency: row.urgency,
          secrecy: row.secrecy,
          dueDate: row.document_due_date,
          senderName: row.sender_name,
        },
      }))
    },

    async search(viewer, words, page) {
      const query = sql`plainto_tsquery('simple', ${words})`
      // The words and the access rule asked of one index (documents_search_visible, migration
      // 0034): only the matches the viewer may see are fetched and ranked. The access rule is
      // kept as a condition too (the index is the fast path, visibleTo the rule); no words, no
      // matches (as `search @@ ''` answers), without reading the viewer's documents.
      const indexed = sql`(documents.search || document_access_lexemes(jurisdiction_id, secrecy,
        distribution_posts, distribution_departments))`
      // No join: the access filter names documents' columns unqualified.
      const rows = await db
        .selectFrom('documents')
        .select([
          'documents.id',
          'documents.direction',
          'documents.kind',
          'documents.title',
          'documents.state',
          'documents.urgency',
          'documents.secrecy',
          'documents.due_date',
        ])
        .select(
          sql<
            string | null
          >`coalesce((select d.name from departments d where d.id = documents.sender_department_id), documents.external_sender)`.as(
            'sender_name',
          ),
        )
        .where(sql<boolean>`numnode(${query}) > 0`)
        .where(sql<boolean>`${indexed} @@ (${query} && ${accessQuery(viewer)}::tsquery)`)
        .where(sql<boolean>`documents.search @@ ${query}`)
        .where(visibleTo(viewer))
        .orderBy(sql`ts_rank(documents.search, ${query})`, 'desc')
        .orderBy('documents.updated_at', 'desc')
        .limit(page.limit)
        .execute()
      return rows.map((row) => ({
        id: row.id,
        direction: row.direction,
        kind: row.kind,
        title: row.title,
        state: row.state,
        urgency: row.urgency,
        secrecy: row.secrecy,
        dueDate: row.due_date,
        senderName: row.sender_name,
      }))
    },

    register(viewer, query) {
      return documentRegister(db, viewer, query)
    },

    async tasksById(documentId, ids) {
      if (ids.length === 0) return []
      const rows = await db
        .selectFrom('document_tasks')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('id', 'in', ids)
        .execute()
      return rows.map(toTask)
    },

    async nextSerial(jurisdictionId, prefix, year) {
      const row = await db
        .insertInto('document_number_sequences')
        .values({ jurisdiction_id: jurisdictionId, prefix, year, last_number: 1 })
        .onConflict((conflict) =>
          conflict
            .columns(['jurisdiction_id', 'prefix', 'year'])
            .doUpdateSet({ last_number: sql`document_number_sequences.last_number + 1` }),
        )
        .returning('last_number')
        .executeTakeFirstOrThrow()
      return row.last_number
    },

    async nextReceiptNumber(jurisdictionId, year) {
      // The serial and the jurisdiction's format in one statement (ADR 0030).
      const row = await db
        .insertInto('receipt_number_sequences')
        .values({ jurisdiction_id: jurisdictionId, year, last_number: 1 })
        .onConflict((conflict) =>
          conflict
            .columns(['jurisdiction_id', 'year'])
            .doUpdateSet({ last_number: sql`receipt_number_sequences.last_number + 1` }),
        )
        .returning([
          'last_number',
          sql<string | null>`(select template from receipt_number_formats
            where jurisdiction_id = ${jurisdictionId})`.as('template'),
        ])
        .executeTakeFirstOrThrow()
      return { serial: row.last_number, format: row.template }
    },

    async externalSenders(viewer, page) {
      const rows = await db
        .selectFrom('documents')
        .select(['external_sender', sql<number>`count(*)::int`.as('uses')])
        .where('external_sender', 'is not', null)
        .where(visibleTo(viewer))
        .groupBy('external_sender')
        .orderBy('uses', 'desc')
        .orderBy('external_sender')
        .limit(page.limit)
        .execute()
      return rows.map((row) => row.external_sender as string)
    },
  }
}
