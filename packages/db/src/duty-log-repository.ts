import type {
  DutyHandover,
  DutyLogEntry,
  DutyLogRepository,
  DutyShiftForLog,
  DutyUnitForLog,
} from '@zhengling/app'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from './schema.ts'

/**
 * 值班日志、交接班 (migration 0041) over the duty units and shifts of 值班表 (migration 0040): each
 * read is one statement, the unit, its shifts with who stands on them and the handovers as JSON
 * sub-selects. Access is decided by the use cases from what these reads answer (the unit's
 * department and candidates, who is on the shift), within the viewer's jurisdiction.
 */

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString())

/** A duty unit as JSON, from `u` joined to its department `d`. */
const UNIT = sql`json_build_object('id', u.id, 'jurisdictionId', u.jurisdiction_id,
  'departmentId', u.department_id, 'departmentName', d.name, 'season', u.season,
  'leaderPostIds', u.leader_post_ids, 'staffPostIds', u.staff_post_ids)`

const person = (column: string) =>
  sql`(select json_build_object('personId', p.id, 'name', p.name) from people p where p.id = ${sql.raw(column)})`

/** A shift as JSON, with its leader on call and staff by name. */
const shift = (a: string) => sql`json_build_object('id', ${sql.raw(a)}.id,
  'dutyUnitId', ${sql.raw(a)}.duty_unit_id, 'label', ${sql.raw(a)}.label,
  'startsAt', ${sql.raw(a)}.starts_at, 'endsAt', ${sql.raw(a)}.ends_at, 'status', ${sql.raw(a)}.status,
  'leader', ${person(`${a}.leader_person_id`)},
  'staff', coalesce((select json_agg(json_build_object('personId', p.id, 'name', p.name)
      order by array_position(${sql.raw(a)}.staff_person_ids, p.id))
    from people p where p.id = any(${sql.raw(a)}.staff_person_ids)), '[]'::json))`

/** A handover as JSON, signed by the one who handed and, once received, the receiver. */
const handover = (a: string) => sql`json_build_object('id', ${sql.raw(a)}.id,
  'jurisdictionId', ${sql.raw(a)}.jurisdiction_id, 'dutyUnitId', ${sql.raw(a)}.duty_unit_id,
  'fromShiftId', ${sql.raw(a)}.from_shift_id, 'toShiftId', ${sql.raw(a)}.to_shift_id,
  'notes', ${sql.raw(a)}.notes, 'handedBy', ${person(`${a}.handed_by_person_id`)},
  'handedAt', ${sql.raw(a)}.handed_at, 'receivedBy', ${person(`${a}.received_by_person_id`)},
  'receivedAt', ${sql.raw(a)}.received_at)`

type Json<T> = T

const toUnit = (unit: DutyUnitForLog): DutyUnitForLog => unit

const toShift = (row: DutyShiftForLog | null): DutyShiftForLog | null =>
  row && {
    ...row,
    startsAt: iso(row.startsAt) as string,
    endsAt: iso(row.endsAt) as string,
    staff: row.staff ?? [],
  }

const toHandover = (row: DutyHandover | null): DutyHandover | null =>
  row && {
    ...row,
    handedAt: iso(row.handedAt) as string,
    receivedAt: iso(row.receivedAt),
  }

interface EntryRow {
  id: string
  jurisdiction_id: string
  duty_unit_id: string
  shift_id: string | null
  kind: DutyLogEntry['kind']
  received_at: string | Date
  from_text: string
  summary: string
  action_taken: string
  pass_on: boolean
  supervision_item_id: string | null
  incident_id: string | null
  recorded_by_person_id: string
  recorded_by_name: string
  recorded_at: string | Date
}

/** An entry's columns but the item it was dispatched to, with its recorder's name. */
const ENTRY_COLUMNS = sql`e.id, e.jurisdiction_id, e.duty_unit_id, e.shift_id, e.kind,
  e.received_at, e.from_text, e.summary, e.action_taken, e.pass_on, e.incident_id,
  e.recorded_by_person_id, e.recorded_at,
  (select name from people p where p.id = e.recorded_by_person_id) as recorded_by_name`
const ENTRY = sql`${ENTRY_COLUMNS}, e.supervision_item_id`

const toEntry = (row: EntryRow): DutyLogEntry => ({
  id: row.id,
  jurisdictionId: row.jurisdiction_id,
  dutyUnitId: row.duty_unit_id,
  shiftId: row.shift_id,
  kind: row.kind,
  receivedAt: iso(row.received_at) as string,
  fromText: row.from_text,
  summary: row.summary,
  actionTaken: row.action_taken,
  passOn: row.pass_on,
  supervisionItemId: row.supervision_item_id,
  incidentId: row.incident_id,
  recordedBy: { personId: row.recorded_by_person_id, name: row.recorded_by_name },
  recordedAt: iso(row.recorded_at) as string,
})

async function rows<T>(db: Kysely<Database>, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows
}

export function createDutyLogRepository(db: Kysely<Database>): DutyLogRepository {
  return {
    async units(jurisdictionId, standing) {
      const found = await rows(
        db,
        sql<{ unit: Json<DutyUnitForLog>; stands_on: boolean }>`select ${UNIT} as unit,
            exists (select 1 from duty_shifts s where s.duty_unit_id = u.id
              and s.starts_at < ${standing.to}::timestamptz
              and s.ends_at > ${standing.from}::timestamptz
              and (s.leader_person_id = ${standing.personId}::uuid
                or ${standing.personId}::uuid = any (s.staff_person_ids))) as stands_on
          from duty_units u join departments d on d.id = u.department_id
          where u.jurisdiction_id = ${jurisdictionId}
          order by u.season nulls first, d.name, u.id`,
      )
      return found.map((row) => ({ ...toUnit(row.unit), standsOn: row.stands_on }))
    },

    async desk(jurisdictionId, unitId, span, options = {}) {
      const inSpan = sql`s.duty_unit_id = u.id and s.starts_at < ${span.to}::timestamptz
        and s.ends_at > ${span.from}::timestamptz`
      const [row] = await rows(
        db,
        sql<{
          unit: DutyUnitForLog
          shifts: DutyShiftForLog[]
          handovers: DutyHandover[]
        }>`select ${UNIT} as unit,
            coalesce((select json_agg(${shift('s')} order by s.starts_at, s.id)
              from duty_shifts s where ${inSpan}), '[]'::json) as shifts,
            coalesce((select json_agg(${handover('h')}) from duty_handovers h
              where h.from_shift_id in (select s.id from duty_shifts s where ${inSpan})),
              '[]'::json) as handovers
          from duty_units u join departments d on d.id = u.department_id
          where u.id = ${unitId} and u.jurisdiction_id = ${jurisdictionId}
          ${options.forUpdate ? sql`for update of u` : sql``}`,
      )
      if (!row) return undefined
      return {
        unit: toUnit(row.unit),
        shifts: row.shifts.map((s) => toShift(s) as DutyShiftForLog),
        handovers: row.handovers.map((h) => toHandover(h) as DutyHandover),
      }
    },

    async shiftForUpdate(jurisdictionId, shiftId) {
      const [row] = await rows(
        db,
        sql<{
          unit: DutyUnitForLog
          shift: DutyShiftForLog
          next_shift: DutyShiftForLog | null
          handover: DutyHandover | null
        }>`select ${UNIT} as unit, ${shift('s')} as shift,
            (select ${shift('n')} from duty_shifts n where n.duty_unit_id = s.duty_unit_id
              and n.starts_at > s.starts_at order by n.starts_at, n.id limit 1) as next_shift,
            (select ${handover('h')} from duty_handovers h where h.from_shift_id = s.id) as handover
          from duty_shifts s join duty_units u on u.id = s.duty_unit_id
            join departments d on d.id = u.department_id
          where s.id = ${shiftId} and s.jurisdiction_id = ${jurisdictionId}
          for update of s`,
      )
      if (!row) return undefined
      return {
        unit: toUnit(row.unit),
        shift: toShift(row.shift) as DutyShiftForLog,
        nextShift: toShift(row.next_shift),
        handover: toHandover(row.handover),
      }
    },

    async entries(unitId, span, limit) {
      const found = await rows(
        db,
        sql<EntryRow>`select ${ENTRY} from duty_log_entries e
          where e.duty_unit_id = ${unitId} and e.received_at >= ${span.from}::timestamptz
            and e.received_at < ${span.to}::timestamptz
          order by e.received_at, e.recorded_at, e.id limit ${limit}`,
      )
      return found.map(toEntry)
    },

    async claimForSupervision(jurisdictionId, entryId, supervisionItemId) {
      const [row] = await rows(
        db,
        sql<EntryRow & { unit: DutyUnitForLog }>`update duty_log_entries e
          set supervision_item_id = coalesce(e.supervision_item_id, ${supervisionItemId}::uuid)
          from (select id, supervision_item_id as was from duty_log_entries
              where id = ${entryId} and jurisdiction_id = ${jurisdictionId} for update) old,
            duty_units u join departments d on d.id = u.department_id
          where e.id = old.id and u.id = e.duty_unit_id
          returning ${ENTRY_COLUMNS}, old.was as supervision_item_id, ${UNIT} as unit`,
      )
      return row && { entry: toEntry(row), unit: toUnit(row.unit) }
    },

    async insertEntry(entry) {
      const [row] = await rows(
        db,
        sql<{
          name: string
          incident_id: string | null
        }>`insert into duty_log_entries (id, jurisdiction_id, duty_unit_id,
            shift_id, kind, received_at, from_text, summary, action_taken, pass_on,
            supervision_item_id, incident_id, recorded_by_person_id, recorded_by_post_id, recorded_at)
          values (${entry.id}, ${entry.jurisdictionId}, ${entry.dutyUnitId}, ${entry.shiftId},
            ${entry.kind}, ${entry.receivedAt}::timestamptz, ${entry.fromText}, ${entry.summary},
            ${entry.actionTaken}, ${entry.passOn}, ${entry.supervisionItemId},
            (select i.id from incidents i where i.id = ${entry.incidentId}::uuid
              and i.jurisdiction_id = ${entry.jurisdictionId}),
            ${entry.recordedBy.personId}, ${entry.recordedByPostId}, ${entry.recordedAt}::timestamptz)
          returning (select name from people p where p.id = recorded_by_person_id) as name,
            incident_id`,
      )
      return { recordedByName: row?.name ?? '', incidentId: row?.incident_id ?? null }
    },

    async handoverForUpdate(jurisdictionId, handoverId) {
      const [row] = await rows(
        db,
        sql<{
          handover: DutyHandover
          unit: DutyUnitForLog
          from_shift: DutyShiftForLog
          to_shift: DutyShiftForLog | null
        }>`select ${handover('h')} as handover, ${UNIT} as unit, ${shift('f')} as from_shift,
            (select ${shift('t')} from duty_shifts t where t.id = h.to_shift_id) as to_shift
          from duty_handovers h join duty_units u on u.id = h.duty_unit_id
            join departments d on d.id = u.department_id
            join duty_shifts f on f.id = h.from_shift_id
          where h.id = ${handoverId} and h.jurisdiction_id = ${jurisdictionId}
          for update of h`,
      )
      if (!row) return undefined
      return {
        handover: toHandover(row.handover) as DutyHandover,
        unit: toUnit(row.unit),
        fromShift: toShift(row.from_shift) as DutyShiftForLog,
        toShift: toShift(row.to_shift),
      }
    },

    async insertHandover(h) {
      const [row] = await rows(
        db,
        sql<{ name: string }>`insert into duty_handovers (id, jurisdiction_id, duty_unit_id,
            from_shift_id, to_shift_id, notes, handed_by_person_id, handed_at)
          values (${h.id}, ${h.jurisdictionId}, ${h.dutyUnitId}, ${h.fromShiftId}, ${h.toShiftId},
            ${h.notes}, ${h.handedBy.personId}, ${h.handedAt}::timestamptz)
          returning (select name from people p where p.id = handed_by_person_id) as name`,
      )
      return row?.name ?? ''
    },

    async receiveHandover(handoverId, personId, at) {
      const [row] = await rows(
        db,
        sql<{ name: string }>`update duty_handovers set received_by_person_id = ${personId},
            received_at = ${at}::timestamptz
          where id = ${handoverId}
          returning (select name from people p where p.id = received_by_person_id) as name`,
      )
      return row?.name ?? ''
    },
  }
}
