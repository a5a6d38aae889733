import { shanghaiDateOf } from '@zhengling/rules'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { dutyRuleOf } from './duty-calendar.ts'
import type { DutyShiftRecord } from './duty-roster.ts'
import { shiftDates, shiftGaps } from './plan-duty-roster.ts'

/** The durable timer that checks a published shift before it starts. */
export const DUTY_GAP_CHECK = 'duty.shiftGapCheck'

/**
 * How long before a shift starts it is checked for a gap (someone gone away since, nobody on it):
 * a day, so the keeper can still find someone. A product setting, not a rule of any county.
 */
export const DUTY_GAP_CHECK_HOURS = 24

/** The check of a shift as it now stands (a new version after a swap is checked again). */
export function gapCheckTimer(shift: DutyShiftRecord, now: Date): ScheduledTimer {
  const due = Math.max(now.getTime(), Date.parse(shift.startsAt) - DUTY_GAP_CHECK_HOURS * 3_600_000)
  return {
    kind: DUTY_GAP_CHECK,
    runAt: new Date(due).toISOString(),
    jurisdictionId: shift.jurisdictionId,
    payload: { shiftId: shift.id, version: shift.version },
    dedupeKey: `duty-shift:${shift.id}:gap-check:${shift.version}`,
  }
}

/**
 * Before a published shift starts: if it has a gap as it stands now (nobody on it, no leader on
 * call where the rule asks one, someone away), the unit and the government office are told once
 * (值班空缺). A shift changed since (a newer version) or started is left to its own check.
 */
export async function checkDutyShiftGap(
  r: Pick<Repositories, 'dutyRosters' | 'notifications'>,
  deps: { rules: RulesPort; now: () => Date },
  payload: { shiftId: string; version: number },
): Promise<boolean> {
  const shift = await r.dutyRosters.shift(payload.shiftId)
  const now = deps.now()
  if (!shift || shift.status !== 'published' || shift.version !== payload.version) return false
  if (Date.parse(shift.startsAt) <= now.getTime()) return false
  const unit = await r.dutyRosters.unit(shift.dutyUnitId)
  if (!unit) return false
  const dates = shiftDates(shift)
  const data = await r.dutyRosters.roster(unit, {
    from: shift.startsAt,
    to: new Date(Date.parse(shift.startsAt) + 1).toISOString(),
    fromDate: dates.from,
    toDate: dates.to,
  })
  const rule = dutyRuleOf(deps.rules, unit, dates.from)
  const gaps = shiftGaps(shift, unit, data, rule)
  if (gaps.issues.length === 0) return false
  const date = shanghaiDateOf(Date.parse(shift.startsAt))
  const at = now.toISOString()
  const office = await r.dutyRosters.governmentOfficeOf(unit.jurisdictionId)
  const departments = [...new Set([unit.departmentId, ...(office ? [office] : [])])]
  await r.notifications.notifyAll(
    departments.map((departmentId) => ({
      jurisdictionId: unit.jurisdictionId,
      recipient: { departmentId },
      kind: 'dutyRoster' as const,
      title: `值班空缺：${unit.departmentName}${date}${shift.label}班次${gaps.uncovered ? '无人值班' : '人员不齐'}`,
      body: gaps.issues.join('；'),
      link: `/duty/rosters?unit=${unit.id}&from=${date}&to=${date}`,
      at,
      dedupeKey: `duty-shift:${shift.id}:gap:${shift.version}:${departmentId}`,
    })),
  )
  return true
}
