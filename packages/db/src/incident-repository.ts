import {
  type DutyCircular,
  type IncidentElement,
  type IncidentFollowUpRequest,
  type IncidentRecord,
  type IncidentReport,
  type IncidentRepository,
  type IncidentScope,
  type IncidentStep,
  type LateEntry,
  type LateEntryLine,
  rankOf,
  SECRECY_LEVELS,
} from '@zhengling/app'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database } from './schema.ts'

const iso = (value: Date | string) => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value))

type IncidentRow = Selectable<Database['incidents']> & { department_name: string }

function toRecord(row: IncidentRow): IncidentRecord & { departmentName: string } {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    reportingDepartmentId: row.reporting_department_id,
    category: row.category,
    categoryLabel: row.category_label,
    title: row.title,
    place: row.place,
    occurredAt: iso(row.occurred_at),
    knownAt: isoOrNull(row.known_at),
    clockFrom: iso(row.clock_from),
    status: row.status,
    steps: row.steps as IncidentStep[],
    elements: row.elements as IncidentElement[],
    ruleIds: row.rule_ids,
    secrecy: row.secrecy,
    createdByPersonId: row.created_by_person_id,
    createdByPostId: row.created_by_post_id,
    createdAt: iso(row.created_at),
    closedAt: isoOrNull(row.closed_at),
    version: row.version,
    departmentName: row.department_name,
  }
}

type LateRow = Selectable<Database['late_report_entries']>

function toLateEntry(row: LateRow): LateEntry {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    incidentId: row.incident_id,
    reportingDepartmentId: row.reporting_department_id,
    kind: row.kind,
    stepAct: row.step_act,
    followUpRequestId: row.follow_up_request_id,
    dueAt: iso(row.due_at),
    reportedAt: isoOrNull(row.reported_at),
    minutesLate: row.minutes_late,
    ruleIds: row.rule_ids,
    recordedAt: iso(row.recorded_at),
    circularId: row.circular_id,
    entryKey: row.entry_key,
    review: row.review
      ? {
          decision: row.review,
          reason: row.review_reason ?? '',
          byPersonId: row.reviewed_by_person_id ?? '',
          byPostId: row.reviewed_by_post_id,
          at: iso(row.reviewed_at ?? row.recorded_at),
        }
      : null,
  }
}

const lateValues = (entry: LateEntry) => ({
  id: entry.id,
  jurisdiction_id: entry.jurisdictionId,
  incident_id: entry.incidentId,
  reporting_department_id: entry.reportingDepartmentId,
  kind: entry.kind,
  step_act: entry.stepAct,
  follow_up_request_id: entry.followUpRequestId,
  due_at: entry.dueAt,
  reported_at: entry.reportedAt,
  minutes_late: entry.minutesLate,
  rule_ids: entry.ruleIds,
  recorded_at: entry.recordedAt,
  circular_id: entry.circularId,
  entry_key: entry.entryKey,
})

type LineRow = LateRow & {
  incident_title: string
  department_name: string
  reviewed_by_name: string | null
  step_label: string | null
}

const toLine = (row: LineRow): LateEntryLine => ({
  ...toLateEntry(row),
  incidentTitle: row.incident_title,
  departmentName: row.department_name,
  stepLabel: row.step_label,
  reviewedByName: row.reviewed_by_name,
})

type CircularRow = Selectable<Database['duty_circulars']>

const toCircular = (row: CircularRow): DutyCircular => ({
  id: row.id,
  jurisdictionId: row.jurisdiction_id,
  title: row.title,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  entryIds: row.entry_ids,
  body: row.body as DutyCircular['body'],
  issuedByPersonId: row.issued_by_person_id,
  issuedByPostId: row.issued_by_post_id,
  issuedAt: iso(row.issued_at),
  ruleIds: row.rule_ids,
})

/**
 * 突发事件信息报送 (migration 0042). Access (contract C5): the jurisdiction, the reader's clearance,
 * and the reporting unit unless the reader sees all duty matters (the duty office, the government
 * office, the emergency office, the leaders); a timer reads as the system (no scope).
 */
export function createIncidentRepository(db: Kysely<Database>): IncidentRepository {
  const incidents = (scope: IncidentScope | null) => {
    let query = db
      .selectFrom('incidents as i')
      .innerJoin('departments as d', 'd.id', 'i.reporting_department_id')
    if (!scope) return query
    const cleared = SECRECY_LEVELS.filter(
      (level) => rankOf(level) <= rankOf(scope.viewer.clearance),
    )
    query = query
      .where('i.jurisdiction_id', '=', scope.viewer.jurisdictionId)
      .where('i.secrecy', 'in', cleared)
    if (!scope.seesAll)
      query = query.where(
        sql<boolean>`i.reporting_department_id = any(${sql.val(scope.viewer.departmentIds)}::uuid[])`,
      )
    return query
  }

  // Register lines the scope sees: the jurisdiction, the incident's 密级, the unit unless all.
  const lines = (scope: IncidentScope) => {
    const cleared = SECRECY_LEVELS.filter(
      (level) => rankOf(level) <= rankOf(scope.viewer.clearance),
    )
    let query = db
      .selectFrom('late_report_entries as l')
      .innerJoin('incidents as i', 'i.id', 'l.incident_id')
      .innerJoin('departments as d', 'd.id', 'l.reporting_department_id')
      .leftJoin('people as rp', 'rp.id', 'l.reviewed_by_person_id')
      .selectAll('l')
      .select([
        'i.title as incident_title',
        'd.name as department_name',
        'rp.name as reviewed_by_name',
        sql<string | null>`(select s->>'label' from jsonb_array_elements(i.steps) s
          where s->>'act' = l.step_act limit 1)`.as('step_label'),
      ])
      .where('l.jurisdiction_id', '=', scope.viewer.jurisdictionId)
      .where('i.secrecy', 'in', cleared)
    if (!scope.seesAll)
      query = query.where(
        sql<boolean>`l.reporting_department_id = any(${sql.val(scope.viewer.departmentIds)}::uuid[])`,
      )
    return query
  }

  return {
    async insert(record) {
      const row = await db
        .insertInto('incidents')
        .values({
          id: record.id,
          jurisdiction_id: record.jurisdictionId,
          reporting_department_id: record.reportingDepartmentId,
          category: record.category,
          category_label: record.categoryLabel,
          title: record.title,
          place: record.place,
          occurred_at: record.occurredAt,
          known_at: record.knownAt,
          clock_from: record.clockFrom,
          status: record.status,
          steps: JSON.stringify(record.steps),
          elements: JSON.stringify(record.elements),
          rule_ids: record.ruleIds,
          secrecy: record.secrecy,
          created_by_person_id: record.createdByPersonId,
          created_by_post_id: record.createdByPostId,
          created_at: record.createdAt,
          closed_at: record.closedAt,
          version: record.version,
        })
        .returning((eb) =>
          eb
            .selectFrom('departments')
            .select('name')
            .whereRef('departments.id', '=', 'incidents.reporting_department_id')
            .as('department_name'),
        )
        .executeTakeFirstOrThrow()
      return { departmentName: row.department_name ?? '' }
    },

    async load(scope, id, options = {}) {
      let query = incidents(scope)
        .selectAll('i')
        .select([
          'd.name as department_name',
          sql<ReportJson[] | null>`(select json_agg(json_build_object(
              'id', r.id, 'incidentId', r.incident_id, 'kind', r.kind, 'channel', r.channel,
              'reportedAt', r.reported_at, 'elements', r.elements, 'body', r.body,
              'reportedByPersonId', r.reported_by_person_id,
              'receivedByPersonId', r.received_by_person_id, 'late', r.late,
              'reportedByName', p.name) order by r.reported_at, r.id)
            from incident_reports r left join people p on p.id = r.reported_by_person_id
            where r.incident_id = i.id)`.as('reports'),
          sql<FollowUpJson[] | null>`(select json_agg(json_build_object(
              'id', f.id, 'incidentId', f.incident_id, 'dueAt', f.due_at, 'note', f.note,
              'requestedByPersonId', f.requested_by_person_id, 'requestedAt', f.requested_at,
              'satisfiedReportId', f.satisfied_report_id) order by f.requested_at, f.id)
            from incident_follow_up_requests f where f.incident_id = i.id)`.as('follow_ups'),
          sql<LateRow[] | null>`(select json_agg(l order by l.due_at, l.id)
            from late_report_entries l where l.incident_id = i.id)`.as('late_entries'),
        ])
        .where('i.id', '=', id)
      if (options.forUpdate) query = query.forUpdate(['i'])
      const row = await query.executeTakeFirst()
      if (!row) return undefined
      const { departmentName, ...record } = toRecord(row)
      return {
        record,
        departmentName,
        reports: (row.reports ?? []).map((report) => ({
          ...report,
          reportedAt: iso(report.reportedAt),
        })),
        followUps: (row.follow_ups ?? []).map((f) => ({
          ...f,
          dueAt: iso(f.dueAt),
          requestedAt: iso(f.requestedAt),
        })),
        lateEntries: (row.late_entries ?? []).map(toLateEntry),
      }
    },

    async list(scope, filter) {
      let query = incidents(scope).selectAll('i').select('d.name as department_name')
      if (filter.status) query = query.where('i.status', '=', filter.status)
      if (filter.departmentId)
        query = query.where('i.reporting_department_id', '=', filter.departmentId)
      const rows = await query
        .orderBy('i.clock_from', 'desc')
        .orderBy('i.id')
        .limit(filter.limit)
        .execute()
      return rows.map(toRecord)
    },

    async update(id, changes) {
      await db
        .updateTable('incidents')
        .set((eb) => ({
          ...(changes.steps ? { steps: JSON.stringify(changes.steps) } : {}),
          ...(changes.status ? { status: changes.status } : {}),
          ...(changes.closedAt !== undefined ? { closed_at: changes.closedAt } : {}),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .execute()
    },

    async insertReport(report) {
      await db
        .insertInto('incident_reports')
        .values({
          id: report.id,
          incident_id: report.incidentId,
          kind: report.kind,
          channel: report.channel,
          reported_at: report.reportedAt,
          elements: JSON.stringify(report.elements),
          body: report.body,
          reported_by_person_id: report.reportedByPersonId,
          received_by_person_id: report.receivedByPersonId,
          late: report.late,
        })
        .execute()
    },

    async insertFollowUp(request) {
      await db
        .insertInto('incident_follow_up_requests')
        .values({
          id: request.id,
          incident_id: request.incidentId,
          due_at: request.dueAt,
          note: request.note,
          requested_by_person_id: request.requestedByPersonId,
          requested_at: request.requestedAt,
          satisfied_report_id: request.satisfiedReportId,
        })
        .execute()
    },

    async satisfyFollowUps(ids, reportId) {
      if (ids.length === 0) return
      await db
        .updateTable('incident_follow_up_requests')
        .set({ satisfied_report_id: reportId })
        .where('id', 'in', [...ids])
        .where('satisfied_report_id', 'is', null)
        .execute()
    },

    async registerLate(entries) {
      if (entries.length === 0) return
      await db
        .insertInto('late_report_entries')
        .values(entries.map(lateValues))
        // A report arriving after the timer's 漏报 line turns it into 迟报 with its minutes; a
        // timer finding a line already there (retried) leaves it.
        .onConflict((conflict) =>
          conflict
            .column('entry_key')
            .doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              reported_at: eb.ref('excluded.reported_at'),
              minutes_late: eb.ref('excluded.minutes_late'),
            }))
            // A line reviewed (核实) or circulated stays as it was reviewed or circulated.
            .where(sql<boolean>`excluded.reported_at is not null`)
            .where('late_report_entries.review', 'is', null)
            .where('late_report_entries.circular_id', 'is', null),
        )
        .execute()
    },

    async register(scope, window) {
      const rows = await lines(scope)
        .where('l.due_at', '>=', window.from as unknown as Date)
        .where('l.due_at', '<', window.to as unknown as Date)
        .orderBy('l.due_at')
        .orderBy('l.id')
        .limit(500)
        .execute()
      return rows.map(toLine)
    },

    async lockLine(scope, id) {
      const row = await lines(scope).where('l.id', '=', id).forUpdate(['l']).executeTakeFirst()
      return row ? toLine(row) : undefined
    },

    async reviewLine(id, review) {
      const row = await db
        .updateTable('late_report_entries')
        .set({
          review: review.decision,
          review_reason: review.reason,
          reviewed_by_person_id: review.byPersonId,
          reviewed_by_post_id: review.byPostId,
          reviewed_at: review.at,
        })
        .where('id', '=', id)
        .returning((eb) =>
          eb
            .selectFrom('people')
            .select('name')
            .whereRef('people.id', '=', 'late_report_entries.reviewed_by_person_id')
            .as('reviewed_by_name'),
        )
        .executeTakeFirst()
      return { reviewedByName: row?.reviewed_by_name ?? null }
    },

    async insertCircular(circular) {
      await db
        .insertInto('duty_circulars')
        .values({
          id: circular.id,
          jurisdiction_id: circular.jurisdictionId,
          title: circular.title,
          period_from: circular.periodFrom,
          period_to: circular.periodTo,
          entry_ids: circular.entryIds,
          body: JSON.stringify(circular.body),
          issued_by_person_id: circular.issuedByPersonId,
          issued_by_post_id: circular.issuedByPostId,
          issued_at: circular.issuedAt,
          rule_ids: circular.ruleIds,
        })
        .execute()
      // Only lines still free: one circulated or excused meanwhile is not taken twice.
      const taken = await db
        .updateTable('late_report_entries')
        .set({ circular_id: circular.id })
        .where('id', 'in', circular.entryIds)
        .where('jurisdiction_id', '=', circular.jurisdictionId)
        .where('circular_id', 'is', null)
        .where(sql<boolean>`review is distinct from 'excused'`)
        .executeTakeFirst()
      return Number(taken.numUpdatedRows)
    },

    async circulars(jurisdictionId) {
      const rows = await db
        .selectFrom('duty_circulars')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdictionId)
        .orderBy('issued_at', 'desc')
        .limit(200)
        .execute()
      return rows.map(toCircular)
    },

    async circular(jurisdictionId, id) {
      const row = await db
        .selectFrom('duty_circulars')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? toCircular(row) : undefined
    },
  }
}

type ReportJson = IncidentReport & { reportedByName: string | null }
type FollowUpJson = IncidentFollowUpRequest
