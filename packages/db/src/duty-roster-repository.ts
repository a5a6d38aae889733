import type {
  DutyOnCall,
  DutyRosterData,
  DutyRosterRepository,
  DutyShiftPattern,
  DutyShiftRecord,
  DutySwapRecord,
  DutyUnitRecord,
} from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import { awayDuring, lastDayAway } from './absence-repository.ts'
import type { Database } from './schema.ts'

const iso = (value: Date | string) => new Date(value).toISOString()
const uuids = (ids: readonly string[]) => sql`${sql.val(ids)}::uuid[]`

interface ShiftRow {
  id: string
  jurisdiction_id: string
  duty_unit_id: string
  starts_at: Date | string
  ends_at: Date | string
  day_type: DutyShiftRecord['dayType']
  holiday_name: string | null
  label: string
  leader_post_id: string | null
  leader_person_id: string | null
  staff_person_ids: string[] | null
  status: DutyShiftRecord['status']
  published_at: Date | string | null
  version: number
}

function toShift(row: ShiftRow): DutyShiftRecord {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    dutyUnitId: row.duty_unit_id,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    dayType: row.day_type,
    holidayName: row.holiday_name,
    label: row.label,
    leaderPostId: row.leader_post_id,
    leaderPersonId: row.leader_person_id,
    staffPersonIds: row.staff_person_ids ?? [],
    status: row.status,
    publishedAt: row.published_at === null ? null : iso(row.published_at),
    version: row.version,
  }
}

function shiftValues(shift: DutyShiftRecord) {
  return {
    id: shift.id,
    jurisdiction_id: shift.jurisdictionId,
    duty_unit_id: shift.dutyUnitId,
    starts_at: shift.startsAt,
    ends_at: shift.endsAt,
    day_type: shift.dayType,
    holiday_name: shift.holidayName,
    label: shift.label,
    leader_post_id: shift.leaderPostId,
    leader_person_id: shift.leaderPersonId,
    staff_person_ids: shift.staffPersonIds,
    status: shift.status,
    published_at: shift.publishedAt,
  }
}

function unitValues(unit: Omit<DutyUnitRecord, 'departmentName' | 'rulebookPost'>) {
  return {
    id: unit.id,
    jurisdiction_id: unit.jurisdictionId,
    department_id: unit.departmentId,
    season: unit.season,
    season_from: unit.seasonFrom,
    season_to: unit.seasonTo,
    season_basis: unit.seasonBasis,
    shift_pattern: JSON.stringify(unit.shiftPattern),
    leader_post_ids: unit.leaderPostIds,
    staff_post_ids: unit.staffPostIds,
  }
}

/** 值班表 as stored (migration 0040): duty units, their shifts, and swaps. */
export function createDutyRosterRepository(db: Kysely<Database>): DutyRosterRepository {
  const unitQuery = () =>
    db
      .selectFrom('duty_units as u')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .selectAll('u')
      .select(['d.name as department_name', 'd.rulebook_post'])
  const toUnit = (
    row: Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>,
  ): DutyUnitRecord => ({
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    rulebookPost: row.rulebook_post,
    season: row.season,
    seasonFrom: row.season_from,
    seasonTo: row.season_to,
    seasonBasis: row.season_basis,
    shiftPattern: row.shift_pattern as unknown as DutyShiftPattern,
    leaderPostIds: row.leader_post_ids ?? [],
    staffPostIds: row.staff_post_ids ?? [],
  })

  return {
    async units(jurisdictionId) {
      const rows = await unitQuery()
        .where('u.jurisdiction_id', '=', jurisdictionId)
        .orderBy('d.name')
        .orderBy('u.season', 'desc')
        .execute()
      return rows.map(toUnit)
    },

    async unit(id, forUpdate) {
      let query = unitQuery().where('u.id', '=', id)
      if (forUpdate) query = query.forUpdate('u')
      const row = await query.executeTakeFirst()
      return row ? toUnit(row) : undefined
    },

    async insertUnit(unit) {
      await db.insertInto('duty_units').values(unitValues(unit)).execute()
    },

    async updateUnit(unit) {
      // The unit's department and season stay; its shifts and candidates change.
      const values = unitValues(unit)
      await db
        .updateTable('duty_units')
        .set({
          shift_pattern: values.shift_pattern,
          leader_post_ids: values.leader_post_ids,
          staff_post_ids: values.staff_post_ids,
        })
        .where('id', '=', unit.id)
        .execute()
    },

    async roster(unit, span) {
      const postIds = [...new Set([...unit.leaderPostIds, ...unit.staffPostIds])]
      // One statement: the shifts, the candidate posts' holdings over the dates, and everyone
      // named with the days they are away (the one condition of contract C2).
      const { rows } = await sql<{
        shifts: ShiftRow[] | null
        candidates:
          | {
              postId: string
              postTitle: string
              personId: string | null
              name: string | null
              from: string | null
              to: string | null
            }[]
          | null
        people: DutyRosterData['people'] | null
      }>`with s as (
          select * from duty_shifts
          where duty_unit_id = ${unit.id} and starts_at >= ${span.from} and starts_at < ${span.to}),
        c as (
          select p.id as post_id, p.title, h.person_id, pe.name, h.from_date, h.to_date
          from posts p
          left join post_holdings h on h.post_id = p.id and h.from_date <= ${span.toDate}::date
            and (h.to_date is null or h.to_date >= ${span.fromDate}::date)
          left join people pe on pe.id = h.person_id
          where p.id = any(${uuids(postIds)})),
        named as (
          select leader_person_id as id from s where leader_person_id is not null
          union select unnest(staff_person_ids) from s
          union select person_id from c where person_id is not null)
        select
          (select json_agg(s order by s.starts_at) from s) as shifts,
          (select json_agg(json_build_object('postId', c.post_id, 'postTitle', c.title,
              'personId', c.person_id, 'name', c.name, 'from', c.from_date, 'to', c.to_date)
              order by c.from_date) from c) as candidates,
          (select json_agg(json_build_object('personId', pe.id, 'name', pe.name,
              'away', coalesce((select json_agg(json_build_object('from', a.from_date, 'to', ${lastDayAway('a')})
                  order by a.from_date)
                from absences a
                where a.person_id = pe.id and ${awayDuring(span.fromDate, span.toDate, 'a')}), '[]'))
              order by pe.name) from people pe where pe.id in (select id from named)) as people`.execute(
        db,
      )
      const row = rows[0]
      const byPost = new Map<string, DutyRosterData['candidates'][number]>()
      for (const c of row?.candidates ?? []) {
        const post = byPost.get(c.postId) ?? {
          postId: c.postId,
          postTitle: c.postTitle,
          holders: [],
        }
        if (c.personId && c.name && c.from)
          post.holders.push({ personId: c.personId, name: c.name, from: c.from, to: c.to })
        byPost.set(c.postId, post)
      }
      return {
        shifts: (row?.shifts ?? []).map(toShift),
        candidates: postIds.flatMap((id) => {
          const post = byPost.get(id)
          return post ? [post] : []
        }),
        people: row?.people ?? [],
      }
    },

    async replaceDrafts(unitId, span, shifts) {
      await db
        .deleteFrom('duty_shifts')
        .where('duty_unit_id', '=', unitId)
        .where('status', '=', 'draft')
        .where('starts_at', '>=', new Date(span.from))
        .where('starts_at', '<', new Date(span.to))
        .execute()
      if (shifts.length === 0) return []
      const rows = await db
        .insertInto('duty_shifts')
        .values(shifts.map(shiftValues))
        .onConflict((oc) => oc.columns(['duty_unit_id', 'starts_at']).doNothing())
        .returningAll()
        .execute()
      return rows.map((row) => toShift(row as unknown as ShiftRow))
    },

    async shift(id, forUpdate) {
      let query = db.selectFrom('duty_shifts').selectAll().where('id', '=', id)
      if (forUpdate) query = query.forUpdate()
      const row = await query.executeTakeFirst()
      return row ? toShift(row as unknown as ShiftRow) : undefined
    },

    async updateShift(id, version, people) {
      const row = await db
        .updateTable('duty_shifts')
        .set({
          leader_post_id: people.leaderPostId,
          leader_person_id: people.leaderPersonId,
          staff_person_ids: people.staffPersonIds,
          version: sql`version + 1`,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
      return row ? toShift(row as unknown as ShiftRow) : undefined
    },

    async publish(unitId, span, at) {
      const rows = await db
        .updateTable('duty_shifts')
        .set({ status: 'published', published_at: at, version: sql`version + 1` })
        .where('duty_unit_id', '=', unitId)
        .where('status', '=', 'draft')
        .where('starts_at', '>=', new Date(span.from))
        .where('starts_at', '<', new Date(span.to))
        .returningAll()
        .execute()
      return rows
        .map((row) => toShift(row as unknown as ShiftRow))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    },

    async addSwap(swap) {
      await db
        .insertInto('duty_swaps')
        .values({
          id: swap.id,
          shift_id: swap.shiftId,
          from_person_id: swap.fromPersonId,
          to_person_id: swap.toPersonId,
          role: swap.role,
          reason: swap.reason,
          by_person_id: swap.byPersonId,
          at: swap.at,
        })
        .execute()
    },

    async swaps(shiftId) {
      const rows = await db
        .selectFrom('duty_swaps')
        .selectAll()
        .where('shift_id', '=', shiftId)
        .orderBy('at')
        .execute()
      return rows.map((row): DutySwapRecord => ({
        id: row.id,
        shiftId: row.shift_id,
        fromPersonId: row.from_person_id,
        toPersonId: row.to_person_id,
        role: row.role,
        reason: row.reason,
        byPersonId: row.by_person_id,
        at: iso(row.at),
      }))
    },

    async onDutyAt(jurisdictionId, at, rulebookPost) {
      const { rows } = await sql<{
        unit_id: string
        department_name: string
        rulebook_post: string | null
        shift_id: string
        starts_at: Date | string
        ends_at: Date | string
        leader: DutyOnCall['leader']
        staff: DutyOnCall['staff'] | null
      }>`select u.id as unit_id, d.name as department_name, d.rulebook_post, s.id as shift_id,
          s.starts_at, s.ends_at,
          (select json_build_object('personId', pe.id, 'postId', s.leader_post_id, 'name', pe.name)
            from people pe where pe.id = s.leader_person_id) as leader,
          (select json_agg(json_build_object('personId', pe.id, 'name', pe.name)
              order by array_position(s.staff_person_ids, pe.id))
            from people pe where pe.id = any(s.staff_person_ids)) as staff
        from duty_shifts s
        join duty_units u on u.id = s.duty_unit_id
        join departments d on d.id = u.department_id
        where s.jurisdiction_id = ${jurisdictionId} and s.status = 'published'
          and s.starts_at <= ${at} and s.ends_at > ${at}
          ${rulebookPost === undefined ? sql`` : sql`and d.rulebook_post = ${rulebookPost}`}
        order by d.name, u.season nulls first, s.starts_at`.execute(db)
      return rows.map((row) => ({
        unitId: row.unit_id,
        departmentName: row.department_name,
        rulebookPost: row.rulebook_post,
        shiftId: row.shift_id,
        startsAt: iso(row.starts_at),
        endsAt: iso(row.ends_at),
        leader: row.leader,
        staff: row.staff ?? [],
      }))
    },

    async refsIn(jurisdictionId, departmentId, postIds) {
      const { rows } = await sql<{ department: boolean; post_ids: string[] | null }>`select
          exists (select 1 from departments where id = ${departmentId}::uuid
            and jurisdiction_id = ${jurisdictionId}) as department,
          (select array_agg(id) from posts where id = any(${uuids(postIds)})
            and jurisdiction_id = ${jurisdictionId}) as post_ids`.execute(db)
      return { department: rows[0]?.department ?? false, postIds: rows[0]?.post_ids ?? [] }
    },

    async governmentOfficeOf(jurisdictionId) {
      const row = await db
        .selectFrom('departments')
        .select('id')
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('rulebook_post', '=', 'governmentOffice')
        .executeTakeFirst()
      return row?.id
    },

    async names(personIds) {
      if (personIds.length === 0) return new Map()
      const rows = await db
        .selectFrom('people')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(personIds)])
        .execute()
      return new Map(rows.map((row) => [row.id, row.name]))
    },
  }
}
