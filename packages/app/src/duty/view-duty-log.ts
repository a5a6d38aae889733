import { actorOfSession } from '../acts/actor.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  DISPATCH_SOURCES,
  DUTY_LOG_KINDS,
  type DutyHandover,
  type DutyShiftForLog,
} from './duty-log.ts'
import {
  dutyLogCitations,
  dutyUnitNotFound,
  mayKeepLog,
  onShift,
  staffed,
} from './duty-log-access.ts'

const DAY = 24 * 60 * 60 * 1000
const MAX_SPAN_DAYS = 31

export interface DutyLogQuery {
  unitId?: string
  /** One shift's log (its entries, what the shift before passed on, both handovers). */
  shiftId?: string
  /** Or a span [from, to) of entries (ISO instants); by default the shift on duty now. */
  from?: string
  to?: string
}

/**
 * 值班日志: one duty unit's log as the keeper sees it — the shift on duty now (or the one asked),
 * its entries with their minute, what the shift before passed on and its handover to be received,
 * the handover of this shift, and what the viewer may do; with the articles the log follows.
 */
export async function viewDutyLog(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  query: DutyLogQuery,
) {
  const now = deps.now()
  const actor = await actorOfSession(r, session, now)
  // Whoever stands on a unit's shift today (a day either side) keeps its log too.
  const all = await r.dutyLog.units(actor.jurisdictionId, {
    personId: actor.personId,
    from: new Date(now.getTime() - DAY).toISOString(),
    to: new Date(now.getTime() + DAY).toISOString(),
  })
  const units = all.filter((unit) => unit.standsOn || mayKeepLog(actor, unit))
  const unit =
    all.find((u) => u.id === query.unitId) ??
    (query.unitId ? undefined : (units.find((u) => u.standsOn) ?? units[0]))
  const base = {
    serverNow: now.toISOString(),
    units: units.map((u) => ({ id: u.id, name: u.departmentName, season: u.season })),
    kinds: Object.entries(DUTY_LOG_KINDS).map(([code, label]) => ({
      code,
      label,
      dispatchAs: DISPATCH_SOURCES[code as keyof typeof DUTY_LOG_KINDS]?.label ?? null,
    })),
    citations: dutyLogCitations(deps.rules, actor.jurisdictionId),
  }
  if (!unit) {
    if (query.unitId) throw dutyUnitNotFound()
    return {
      ...base,
      unit: null,
      shift: null,
      previousShift: null,
      nextShift: null,
      entries: [],
      passedOn: [],
      handoverIn: null,
      handoverOut: null,
      mayWrite: false,
      mayHand: false,
    }
  }
  const at = query.from ? Date.parse(query.from) : now.getTime()
  if (Number.isNaN(at) || (query.to && Number.isNaN(Date.parse(query.to))))
    throw new InvalidInputError('DUTY_LOG_BAD_SPAN', '查询时间格式不正确')
  // Two days either side: the shift asked or on duty, the one before it and the one after it.
  const desk = await r.dutyLog.desk(actor.jurisdictionId, unit.id, {
    from: new Date(at - 2 * DAY).toISOString(),
    to: new Date((query.to ? Date.parse(query.to) : at) + 2 * DAY).toISOString(),
  })
  if (!desk) throw dutyUnitNotFound()
  const index = query.shiftId
    ? desk.shifts.findIndex((shift) => shift.id === query.shiftId)
    : desk.shifts.findIndex((s) => Date.parse(s.startsAt) <= at && at < Date.parse(s.endsAt))
  if (query.shiftId && index < 0) throw dutyUnitNotFound()
  const shift = desk.shifts[index] ?? null
  // Between shifts (a gap), the one before is the last to have ended and the next the first to come.
  const previousShift =
    index >= 0
      ? (desk.shifts[index - 1] ?? null)
      : (desk.shifts.findLast((s) => Date.parse(s.endsAt) <= at) ?? null)
  const nextShift =
    index >= 0
      ? (desk.shifts[index + 1] ?? null)
      : (desk.shifts.find((s) => Date.parse(s.startsAt) > at) ?? null)
  if (!unit.standsOn && !mayKeepLog(actor, unit, [shift, previousShift, nextShift]))
    throw dutyUnitNotFound()
  const from =
    query.shiftId || !query.from ? (previousShift?.startsAt ?? shift?.startsAt) : query.from
  const to = query.shiftId || !query.to ? (shift?.endsAt ?? nextShift?.startsAt) : query.to
  const span = {
    from: from ?? new Date(at - DAY).toISOString(),
    to: to ?? new Date(Math.max(at, now.getTime()) + 60_000).toISOString(),
  }
  if (Date.parse(span.to) - Date.parse(span.from) > MAX_SPAN_DAYS * DAY)
    throw new InvalidInputError(
      'DUTY_LOG_SPAN_TOO_LONG',
      `一次最多查看${MAX_SPAN_DAYS}天的值班日志`,
    )
  const entries = await r.dutyLog.entries(unit.id, span, 500)
  const handoverOf = (s: DutyShiftForLog | null): DutyHandover | null =>
    (s && desk.handovers.find((handover) => handover.fromShiftId === s.id)) ?? null
  const handoverIn = handoverOf(previousShift)
  const handoverOut = handoverOf(shift)
  const inShift = (s: DutyShiftForLog | null) => (entry: { shiftId: string | null }) =>
    s !== null && entry.shiftId === s.id
  const mine = (s: DutyShiftForLog | null) =>
    s !== null && (!staffed(s) || onShift(actor.personId, s))
  return {
    ...base,
    unit: { id: unit.id, name: unit.departmentName, season: unit.season },
    shift,
    previousShift,
    nextShift,
    entries: shift && !query.from ? entries.filter(inShift(shift)) : entries,
    passedOn: entries.filter((entry) => entry.passOn && inShift(previousShift)(entry)),
    handoverIn: handoverIn && {
      ...handoverIn,
      mayReceive:
        handoverIn.receivedBy === null &&
        handoverIn.handedBy.personId !== actor.personId &&
        mine(shift),
    },
    handoverOut: handoverOut && { ...handoverOut, mayReceive: false },
    mayWrite: true,
    mayHand: shift !== null && handoverOut === null && mine(shift),
  }
}
