import type { Citation } from '@zhengling/rules'
import type { Actor } from '../acts/actor.ts'
import { ask } from '../documents/document-rules.ts'
import { NotFoundError } from '../errors.ts'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import type { RulesPort } from '../rules-port.ts'
import type { DutyShiftForLog, DutyUnitForLog } from './duty-log.ts'

/**
 * Who keeps a duty unit's log: the unit's own posts (总值班室), the leaders and staff it takes its
 * 带班领导 and 值班员 from (duty_units' candidates), the government office, and whoever stands on
 * one of its shifts (a swap may bring someone from elsewhere). Everyone else does not see it.
 */
export function mayKeepLog(
  actor: Pick<Actor, 'personId' | 'postIds' | 'departmentIds' | 'posts'>,
  unit: DutyUnitForLog,
  shifts: readonly (DutyShiftForLog | null)[] = [],
): boolean {
  if (actor.departmentIds.includes(unit.departmentId)) return true
  if ([...unit.leaderPostIds, ...unit.staffPostIds].some((id) => actor.postIds.includes(id)))
    return true
  if (actor.posts.some((post) => isGovernmentOfficePost(post))) return true
  return shifts.some((shift) => shift !== null && onShift(actor.personId, shift))
}

/** Whether a person stands on a shift, as its 带班领导 or one of its 值班员. */
export function onShift(personId: string, shift: DutyShiftForLog): boolean {
  return (
    shift.leader?.personId === personId ||
    shift.staff.some((person) => person.personId === personId)
  )
}

/** Whether a shift names anybody (a gap names nobody: any keeper of the log may sign for it). */
export const staffed = (shift: DutyShiftForLog) => shift.leader !== null || shift.staff.length > 0

export const dutyUnitNotFound = () =>
  new NotFoundError('DUTY_UNIT_NOT_FOUND', '没有这个值班单位，或您无权查看其值班日志')

/**
 * The articles the duty log follows, as the jurisdiction's rulebook names them: the units that
 * keep 24-hour duty with a leader on call (木里 第八十八条) and the duty office's work of
 * receiving, dispatching and following up leaders' instructions and hotline items (钟山 第五十七条).
 * A rulebook naming neither answers none.
 */
export function dutyLogCitations(rules: RulesPort, jurisdictionId: string): Citation[] {
  const duty = ask<{ posts: string[] }>(rules, jurisdictionId, 'responsible-posts', {
    matter: 'yearRoundDuty',
  })
  const dispatch = ask<{ posts: string[] }>(rules, jurisdictionId, 'responsible-posts', {
    matter: 'dutyResponsibilities',
  })
  return [...(duty?.citations ?? []), ...(dispatch?.citations ?? [])]
}
