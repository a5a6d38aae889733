import { actorOfSession } from '../acts/actor.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { dutyUnitNotFound, mayKeepLog } from './duty-log-access.ts'

const DAY = 24 * 60 * 60 * 1000
const MAX_SPAN_DAYS = 92

/**
 * 交接班记录: one duty unit's handovers over a span (the last week by default), each with the
 * shift that handed and the one that received, who signed and when — unsigned ones still open.
 */
export async function listDutyHandovers(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  query: { unitId: string; from?: string; to?: string },
) {
  const now = deps.now()
  const actor = await actorOfSession(r, session, now)
  const to = query.to ?? new Date(now.getTime() + DAY).toISOString()
  const from = query.from ?? new Date(Date.parse(to) - 8 * DAY).toISOString()
  if (Date.parse(to) - Date.parse(from) > MAX_SPAN_DAYS * DAY || from > to)
    throw new InvalidInputError(
      'DUTY_LOG_SPAN_TOO_LONG',
      `一次最多查看${MAX_SPAN_DAYS}天的交接班记录`,
    )
  const desk = await r.dutyLog.desk(actor.jurisdictionId, query.unitId, { from, to })
  if (!desk || !mayKeepLog(actor, desk.unit, desk.shifts)) throw dutyUnitNotFound()
  const shiftOf = (id: string | null) => desk.shifts.find((shift) => shift.id === id) ?? null
  return {
    handovers: desk.handovers
      .flatMap((handover) => {
        const fromShift = shiftOf(handover.fromShiftId)
        return fromShift ? [{ ...handover, fromShift, toShift: shiftOf(handover.toShiftId) }] : []
      })
      .sort((a, b) => a.fromShift.startsAt.localeCompare(b.fromShift.startsAt)),
  }
}
