import { addDays, type Citation, datesFromTo, shanghaiDateOf } from '@zhengling/rules'
import { actorOfSession } from '../acts/actor.ts'
import type { Actor } from '../acts/actor.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { mayManageDuty } from './duty-access.ts'
import {
  type DutyDay,
  dutyDayOf,
  type DutyRuleOfUnit,
  dutyRuleOf,
  dutySpanOf,
  type HolidayPeriod,
  holidayPeriods,
  spanInstants,
} from './duty-calendar.ts'
import type {
  DutyDayType,
  DutyRosterData,
  DutyShiftRecord,
  DutyShiftStatus,
  DutyUnitRecord,
} from './duty-roster.ts'
import { shiftDates, isAway, shiftGaps } from './plan-duty-roster.ts'

export interface DutyShiftView {
  id: string
  label: string
  startsAt: string
  endsAt: string
  dayType: DutyDayType
  holidayName: string | null
  status: DutyShiftStatus
  version: number
  leader: { personId: string; postId: string | null; name: string; away: boolean } | null
  staff: { personId: string; name: string; away: boolean }[]
  /** What is wrong with it (无人值班, 无带班领导, someone away…): shown in red. */
  issues: string[]
  /** Nobody can stand it. */
  uncovered: boolean
  /** It has not started yet at the time of the answer. */
  upcoming: boolean
}

export interface DutyRosterView {
  unit: {
    id: string
    jurisdictionId: string
    departmentName: string
    seasonLabel: string
    season: string | null
  }
  from: string
  to: string
  holiday: HolidayPeriod | null
  /** What the rulebook says of the unit's duty (领导带班; which days), with its articles. */
  rule: { leaderOnCall: boolean; summary: string; citations: Citation[] } | null
  days: {
    date: string
    dayType: DutyDayType
    holidayName: string | null
    shifts: DutyShiftView[]
  }[]
  /** Shifts with an issue, and those nobody can stand. */
  gaps: number
  uncovered: number
  drafts: number
  /** The candidates the keeper may put on a shift (带班领导, 值班员), holders over the span. */
  leaders: { postId: string; postTitle: string; personId: string; name: string }[]
  staff: { postId: string; postTitle: string; personId: string; name: string }[]
  /** The holiday periods of the span's year on the official calendar (for 生成节假日值班表). */
  holidays: HolidayPeriod[]
  canManage: boolean
}

/** The days of a span as the calendar sorts them. */
export function dutyDays(
  rules: RulesPort,
  jurisdictionId: string,
  from: string,
  to: string,
): DutyDay[] {
  return datesFromTo(from, to).map((date) => dutyDayOf(rules, jurisdictionId, date))
}

/** One shift as the roster shows it: people with who is away, and what is wrong with it. */
export function shiftView(
  unit: DutyUnitRecord,
  data: DutyRosterData,
  rule: DutyRuleOfUnit | undefined,
  now: Date,
  shift: DutyShiftRecord,
): DutyShiftView {
  const nameOf = (id: string) => data.people.find((p) => p.personId === id)?.name ?? ''
  const dates = shiftDates(shift)
  const gaps = shiftGaps(shift, unit, data, rule)
  return {
    id: shift.id,
    label: shift.label,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    dayType: shift.dayType,
    holidayName: shift.holidayName,
    status: shift.status,
    version: shift.version,
    leader: shift.leaderPersonId
      ? {
          personId: shift.leaderPersonId,
          postId: shift.leaderPostId,
          name: nameOf(shift.leaderPersonId),
          away: isAway(data, shift.leaderPersonId, dates.from, dates.to),
        }
      : null,
    staff: shift.staffPersonIds.map((id) => ({
      personId: id,
      name: nameOf(id),
      away: isAway(data, id, dates.from, dates.to),
    })),
    issues: gaps.issues,
    uncovered: gaps.uncovered,
    upcoming: Date.parse(shift.startsAt) > now.getTime(),
  }
}

/** The roster view from the state in hand (no read). */
export function rosterView(
  rules: RulesPort,
  frame: { unit: DutyUnitRecord; actor: Actor; now: Date },
  span: { from: string; to: string; holiday: HolidayPeriod | null },
  data: DutyRosterData,
): DutyRosterView {
  const { unit, actor, now } = frame
  const rule = dutyRuleOf(rules, unit, span.from)
  const canManage = mayManageDuty(actor, unit)
  const seen = canManage
    ? data.shifts
    : data.shifts.filter(
        (s) =>
          s.status === 'published' &&
          (s.leaderPersonId === actor.personId || s.staffPersonIds.includes(actor.personId)),
      )
  const shifts = seen.map((shift) => shiftView(unit, data, rule, now, shift))
  const candidates = (postIds: readonly string[]) =>
    postIds.flatMap((postId) => {
      const post = data.candidates.find((c) => c.postId === postId)
      return (post?.holders ?? []).map((h) => ({
        postId,
        postTitle: post?.postTitle ?? '',
        personId: h.personId,
        name: h.name,
      }))
    })
  return {
    unit: {
      id: unit.id,
      jurisdictionId: unit.jurisdictionId,
      departmentName: unit.departmentName,
      season: unit.season,
      seasonLabel: rule?.seasonLabel ?? (unit.season === null ? '全年' : unit.season),
    },
    from: span.from,
    to: span.to,
    holiday: span.holiday,
    rule: rule
      ? { leaderOnCall: rule.leaderOnCall, summary: rule.summary, citations: rule.citations }
      : null,
    days: dutyDays(rules, unit.jurisdictionId, span.from, span.to).map((day) => ({
      ...day,
      shifts: shifts.filter((s) => shanghaiDateOf(Date.parse(s.startsAt)) === day.date),
    })),
    gaps: shifts.filter((s) => s.issues.length > 0).length,
    uncovered: shifts.filter((s) => s.uncovered).length,
    drafts: shifts.filter((s) => s.status === 'draft').length,
    leaders: canManage ? candidates(unit.leaderPostIds) : [],
    staff: canManage ? candidates(unit.staffPostIds) : [],
    holidays: holidayPeriods(rules, unit.jurisdictionId, Number(span.from.slice(0, 4))),
    canManage,
  }
}

export interface DutyRosterQuery {
  unitId: string
  from?: string
  to?: string
  holiday?: string
  year?: number
}

/**
 * A unit's roster over a span (dates, or a holiday period of the official calendar): shifts by
 * day with the leader on call and staff, who is away, and the gaps. The keepers see drafts; the
 * others the published shifts they are on. Read in one statement after the unit.
 */
export async function viewDutyRoster(
  deps: {
    repositories: Pick<Repositories, 'organisation' | 'dutyRosters'>
    rules: RulesPort
    now: Date
  },
  session: SessionRecord,
  query: DutyRosterQuery,
): Promise<DutyRosterView> {
  const actor = await actorOfSession(deps.repositories, session, deps.now)
  const unit = await deps.repositories.dutyRosters.unit(query.unitId)
  if (!unit || unit.jurisdictionId !== actor.jurisdictionId)
    throw new NotFoundError('DUTY_UNIT_NOT_FOUND', '没有这个值班单位')
  const today = shanghaiDateOf(deps.now.getTime())
  const span = dutySpanOf(deps.rules, unit.jurisdictionId, {
    from: query.from ?? today,
    to: query.to ?? addDays(query.from ?? today, 6),
    holiday: query.holiday,
    year: query.year,
  })
  const data = await deps.repositories.dutyRosters.roster(unit, spanInstants(span.from, span.to))
  return rosterView(deps.rules, { unit, actor, now: deps.now }, span, data)
}
