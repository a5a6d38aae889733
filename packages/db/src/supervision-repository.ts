import type {
  SupervisionCircular,
  SupervisionEvidence,
  SupervisionItem,
  SupervisionRepository,
} from '@zhengling/app'
import { type Kysely, type Selectable, sql } from 'kysely'
import { historyColumns, historyEntryOf } from './history-columns.ts'
import { STORED_FILE_COLUMNS, storedFileColumns, storedFileOf } from './stored-file-columns.ts'
import type { Database } from './schema.ts'
import { visibleTo } from './visible-to.ts'

const iso = (value: Date | string) => new Date(value).toISOString()

function toItem(row: Selectable<Database['supervision_items']>): SupervisionItem {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    source: row.source,
    sourceLabel: row.source_label,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    documentId: row.document_id,
    title: row.title,
    requirement: row.requirement,
    leadDepartmentId: row.lead_department_id,
    coDepartmentIds: row.co_department_ids,
    responsiblePerson: row.responsible_person,
    assignedOn: row.assigned_on,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    milestones: row.milestones as SupervisionItem['milestones'],
    state: row.state,
    pendingExtension: row.pending_extension as SupervisionItem['pendingExtension'],
    closedOn: row.closed_on,
    daysLate: row.days_late,
    remindOn: row.remind_on,
    remindedFor: row.reminded_for,
    escalatedFor: row.escalated_for,
    ruleIds: row.rule_ids,
    secrecy: row.secrecy,
    distributionPosts: row.distribution_posts,
    distributionDepartments: row.distribution_departments,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

const EVIDENCE_COLUMNS = [...STORED_FILE_COLUMNS, 'item_id'] as const

function toEvidence(
  row: Omit<Selectable<Database['supervision_evidence']>, 'content'>,
): SupervisionEvidence {
  return { ...storedFileOf(row), itemId: row.item_id }
}

export function createSupervisionRepository(db: Kysely<Database>): SupervisionRepository {
  return {
    async insert(item) {
      await db
        .insertInto('supervision_items')
        .values({
          id: item.id,
          jurisdiction_id: item.jurisdictionId,
          source: item.source,
          source_label: item.sourceLabel,
          meeting_id: item.meetingId,
          agenda_item_id: item.agendaItemId,
          document_id: item.documentId,
          title: item.title,
          requirement: item.requirement,
          lead_department_id: item.leadDepartmentId,
          co_department_ids: item.coDepartmentIds,
          responsible_person: item.responsiblePerson,
          assigned_on: item.assignedOn,
          due_date: item.dueDate,
          original_due_date: item.originalDueDate,
          milestones: JSON.stringify(item.milestones),
          state: item.state,
          pending_extension: item.pendingExtension ? JSON.stringify(item.pendingExtension) : null,
          closed_on: item.closedOn,
          days_late: item.daysLate,
          remind_on: item.remindOn,
          reminded_for: item.remindedFor,
          escalated_for: item.escalatedFor,
          rule_ids: item.ruleIds,
          secrecy: item.secrecy,
          distribution_posts: item.distributionPosts,
          distribution_departments: item.distributionDepartments,
          created_at: item.createdAt,
          updated_at: item.updatedAt,
        })
        .execute()
    },

    async visible(viewer, id, options = {}) {
      let query = db
        .selectFrom('supervision_items')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(viewer))
      if (options.forUpdate) query = query.forUpdate()
      const row = await query.executeTakeFirst()
      return row ? toItem(row) : undefined
    },

    async ledger(viewer, query) {
      let base = db.selectFrom('supervision_items').where(visibleTo(viewer))
      if (query.source) base = base.where('source', '=', query.source)
      if (query.meetingId) base = base.where('meeting_id', '=', query.meetingId)
      if (query.awaitingOffice)
        base = base.where((eb) =>
          eb.or([eb('state', '=', 'closeRequested'), eb('pending_extension', 'is not', null)]),
        )
      if (query.departmentId)
        base = base.where((eb) =>
          eb.or([
            eb('lead_department_id', '=', query.departmentId as string),
            sql<boolean>`co_department_ids @> array[${query.departmentId}]::uuid[]`,
          ]),
        )
      if (query.state === 'open') base = base.where('state', '<>', 'closed')
      if (query.state === 'closed') base = base.where('state', '=', 'closed')
      if (query.state === 'overdue')
        base = base.where('state', '<>', 'closed').where('due_date', '<', query.today)
      if (query.state === 'dueSoon')
        base = base
          .where('state', '<>', 'closed')
          .where('due_date', '>=', query.today)
          .where('due_date', '<=', query.dueSoonBy ?? query.today)
      const [rows, total] = await Promise.all([
        base
          .selectAll()
          .orderBy('due_date')
          .orderBy('id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(toItem), total: total.n }
    },

    async update(id, changes, at) {
      await db
        .updateTable('supervision_items')
        .set({
          updated_at: at,
          ...(changes.state !== undefined ? { state: changes.state } : {}),
          ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
          ...(changes.milestones !== undefined
            ? { milestones: JSON.stringify(changes.milestones) }
            : {}),
          ...(changes.pendingExtension !== undefined
            ? {
                pending_extension: changes.pendingExtension
                  ? JSON.stringify(changes.pendingExtension)
                  : null,
              }
            : {}),
          ...(changes.closedOn !== undefined ? { closed_on: changes.closedOn } : {}),
          ...(changes.daysLate !== undefined ? { days_late: changes.daysLate } : {}),
          ...(changes.remindOn !== undefined ? { remind_on: changes.remindOn } : {}),
          ...(changes.remindedFor !== undefined ? { reminded_for: changes.remindedFor } : {}),
          ...(changes.escalatedFor !== undefined ? { escalated_for: changes.escalatedFor } : {}),
          ...(changes.ruleIds !== undefined ? { rule_ids: changes.ruleIds } : {}),
        })
        .where('id', '=', id)
        .execute()
    },

    async appendEvent(event) {
      await db
        .insertInto('supervision_events')
        .values({
          item_id: event.itemId,
          ...historyColumns(event),
        })
        .execute()
    },

    async events(itemId) {
      const rows = await db
        .selectFrom('supervision_events')
        .selectAll()
        .where('item_id', '=', itemId)
        .orderBy('id')
        .execute()
      return rows.map((row) => ({
        itemId: row.item_id,
        ...historyEntryOf(row),
      }))
    },

    async latestProgress(itemIds) {
      if (itemIds.length === 0) return new Map()
      const rows = await db
        .selectFrom('supervision_events')
        .select(['item_id', 'text', 'occurred_at'])
        .distinctOn('item_id')
        .where('item_id', 'in', itemIds)
        .where('action', '=', 'progress')
        .orderBy('item_id')
        .orderBy('id', 'desc')
        .execute()
      return new Map(
        rows.map((row) => [row.item_id, { text: row.text ?? '', at: iso(row.occurred_at) }]),
      )
    },

    async dashboard(viewer, query) {
      // Summed from the tallies the items keep (supervision_item_tallies, migration 0034): they
      // carry the items' access facts, so the access rule applies to them as to the items, and
      // their number does not grow with the items.
      let base = db.selectFrom('supervision_item_tallies').where(visibleTo(viewer))
      if (query.departmentId) base = base.where('lead_department_id', '=', query.departmentId)
      const sum = (column: string, condition: ReturnType<typeof sql>) =>
        sql<number>`coalesce(sum(${sql.ref(column)}) filter (where ${condition}), 0)::int`
      const open = sql`state <> 'closed'`
      const closedState = sql`state = 'closed'`
      const overdue = sql`state <> 'closed' and due_date < ${query.today}`
      const totals = await base
        .select([
          sum('items', open).as('open'),
          sum(
            'items',
            sql`state <> 'closed' and due_date between ${query.today} and ${query.weekEnd}`,
          ).as('due_this_week'),
          sum('items', overdue).as('overdue'),
          sum('items', closedState).as('closed'),
          sum('on_time', closedState).as('closed_on_time'),
          sql<string | null>`sum(days_late_sum)::numeric / nullif(sum(late), 0)`.as(
            'average_days_late',
          ),
        ])
        .executeTakeFirstOrThrow()
      // Counted per unit first, then named: joined before, departments.jurisdiction_id would
      // make the access rule's jurisdiction_id ambiguous.
      const perUnit = base
        .select([
          'lead_department_id',
          sum('items', open).as('open'),
          sum('items', overdue).as('overdue'),
          sum('items', closedState).as('closed'),
          sum('on_time', closedState).as('closed_on_time'),
        ])
        .groupBy('lead_department_id')
        .having(sql<boolean>`sum(items) > 0`)
        .as('per_unit')
      const byDepartment = await db
        .selectFrom(perUnit)
        .innerJoin('departments', 'departments.id', 'per_unit.lead_department_id')
        .select([
          'per_unit.lead_department_id as department_id',
          'departments.name as department_name',
          'per_unit.open',
          'per_unit.overdue',
          'per_unit.closed',
          'per_unit.closed_on_time',
        ])
        .orderBy('departments.name')
        .execute()
      const since = sql`(date_trunc('month', ${query.today}::date) - interval '11 months')::date`
      const assigned = await base
        .select([
          sql<string>`to_char(assigned_month, 'YYYY-MM')`.as('month'),
          sql<number>`sum(items)::int`.as('n'),
        ])
        .where(sql<boolean>`assigned_month >= ${since}`)
        .groupBy('assigned_month')
        .execute()
      const closed = await base
        .select([
          sql<string>`to_char(closed_month, 'YYYY-MM')`.as('month'),
          sql<number>`sum(items)::int`.as('n'),
          sql<number>`sum(late)::int`.as('late'),
        ])
        .where('state', '=', 'closed')
        .where(sql<boolean>`closed_month >= ${since}`)
        .where(sql<boolean>`closed_month < 'infinity'`)
        .groupBy('closed_month')
        .execute()
      const months: string[] = []
      const year = Number(query.today.slice(0, 4))
      const month = Number(query.today.slice(5, 7))
      for (let back = 11; back >= 0; back -= 1) {
        const date = new Date(Date.UTC(year, month - 1 - back, 1))
        months.push(date.toISOString().slice(0, 7))
      }
      const average = totals.average_days_late
      return {
        open: totals.open,
        dueThisWeek: totals.due_this_week,
        overdue: totals.overdue,
        closed: totals.closed,
        closedOnTime: totals.closed_on_time,
        averageDaysLate: average === null ? null : Math.round(Number(average) * 10) / 10,
        byDepartment: byDepartment.map((row) => ({
          departmentId: row.department_id,
          departmentName: row.department_name,
          open: row.open,
          overdue: row.overdue,
          closed: row.closed,
          closedOnTime: row.closed_on_time,
        })),
        trend: months.map((m) => {
          const closedRow = closed.find((row) => row.month === m)
          return {
            month: m,
            assigned: assigned.find((row) => row.month === m)?.n ?? 0,
            closed: closedRow?.n ?? 0,
            closedLate: closedRow?.late ?? 0,
          }
        }),
      }
    },

    async claimDue(query) {
      // Escalations first, then reminders, each read along its partial index in order (see
      // migration 0016): one query ORing both made the planner guess half the table was due and
      // scan all of it on an idle tick. An item owed both is escalated (which marks it reminded).
      const claim = (kind: 'escalation' | 'reminder', limit: number) => {
        const base = db
          .selectFrom('supervision_items')
          .select(['id', 'jurisdiction_id', 'title', 'due_date', 'lead_department_id'])
          .where(sql<boolean>`state <> 'closed'`)
        const owed =
          kind === 'escalation'
            ? base
                .where(sql<boolean>`escalated_for is distinct from due_date`)
                .where('due_date', '<', query.today)
                .orderBy('due_date')
            : base
                .where(sql<boolean>`reminded_for is distinct from due_date`)
                .where('remind_on', '<=', query.today)
                .where(
                  sql<boolean>`not (due_date < ${query.today} and escalated_for is distinct from due_date)`,
                )
                .orderBy('remind_on')
                .orderBy('due_date')
        return owed.limit(limit).forUpdate().skipLocked().execute()
      }
      const escalations = await claim('escalation', query.limit)
      const reminders =
        escalations.length < query.limit
          ? await claim('reminder', query.limit - escalations.length)
          : []
      const entry = (kind: 'escalation' | 'reminder') => (row: (typeof escalations)[number]) => ({
        id: row.id,
        jurisdictionId: row.jurisdiction_id,
        title: row.title,
        dueDate: row.due_date,
        leadDepartmentId: row.lead_department_id,
        kind,
      })
      return [...escalations.map(entry('escalation')), ...reminders.map(entry('reminder'))]
    },

    async forCircular(jurisdictionId, period) {
      const rows = await db
        .selectFrom('supervision_items')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdictionId)
        .where((eb) =>
          eb.or([
            eb.and([
              eb('state', '=', 'closed'),
              eb('closed_on', '>=', period.from),
              eb('closed_on', '<=', period.to),
            ]),
            eb.and([eb('state', '<>', 'closed'), eb('due_date', '<', period.to)]),
          ]),
        )
        .orderBy('due_date')
        .execute()
      return rows.map(toItem)
    },

    async insertEvidence(evidence, content) {
      await db
        .insertInto('supervision_evidence')
        .values({ ...storedFileColumns(evidence), item_id: evidence.itemId, content })
        .execute()
    },

    async evidence(itemId) {
      const rows = await db
        .selectFrom('supervision_evidence')
        .select(EVIDENCE_COLUMNS)
        .where('item_id', '=', itemId)
        .orderBy('uploaded_at')
        .execute()
      return rows.map(toEvidence)
    },

    async evidenceContent(itemId, evidenceId) {
      const row = await db
        .selectFrom('supervision_evidence')
        .select([...EVIDENCE_COLUMNS, 'content'])
        .where('item_id', '=', itemId)
        .where('id', '=', evidenceId)
        .executeTakeFirst()
      return row ? { ...toEvidence(row), content: row.content } : undefined
    },

    async insertCircular(circular: SupervisionCircular) {
      await db
        .insertInto('supervision_circulars')
        .values({
          id: circular.id,
          jurisdiction_id: circular.jurisdictionId,
          period_from: circular.periodFrom,
          period_to: circular.periodTo,
          issued_at: circular.issuedAt,
          issued_by_post_id: circular.issuedByPostId,
          title: circular.title,
          lines: JSON.stringify(circular.lines),
        })
        .execute()
    },

    async circulars(jurisdictionId, limit) {
      const rows = await db
        .selectFrom('supervision_circulars')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdictionId)
        .orderBy('issued_at', 'desc')
        .limit(limit)
        .execute()
      return rows.map((row) => ({
        id: row.id,
        jurisdictionId: row.jurisdiction_id,
        periodFrom: row.period_from,
        periodTo: row.period_to,
        issuedAt: iso(row.issued_at),
        issuedByPostId: row.issued_by_post_id,
        title: row.title,
        lines: row.lines as SupervisionCircular['lines'],
      }))
    },
  }
}
