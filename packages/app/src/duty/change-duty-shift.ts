import { shanghaiDateOf } from '@zhengling/rules'
import { type ActingActor, actingIn, actorOfSession } from '../acts/actor.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { Repositories } from '../unit-of-work.ts'
import { assertMayManageDuty } from './duty-access.ts'
import { dutyRuleOf, spanInstants } from './duty-calendar.ts'
import type { DutyRosterData, DutyShiftRecord, DutyUnitRecord } from './duty-roster.ts'
import { gapCheckTimer } from './duty-roster-timers.ts'
import { isAway, shiftDates } from './plan-duty-roster.ts'
import { type DutyShiftView, shiftView } from './view-duty-roster.ts'

interface ShiftFrame {
  r: Repositories
  actor: ActingActor
  now: Date
  shift: DutyShiftRecord
  unit: DutyUnitRecord
  data: DutyRosterData
}

/** Locks a shift, loads its unit and who may stand it over its days; the keeper only. */
async function lockShift(
  deps: ActDeps,
  r: Repositories,
  session: SessionRecord,
  shiftId: string,
): Promise<ShiftFrame> {
  const now = deps.now()
  const actor = actingIn(await actorOfSession(r, session, now))
  const shift = await r.dutyRosters.shift(shiftId, true)
  const unit = shift ? await r.dutyRosters.unit(shift.dutyUnitId) : undefined
  if (!shift || !unit || unit.jurisdictionId !== actor.jurisdictionId)
    throw new NotFoundError('DUTY_SHIFT_NOT_FOUND', '没有这个班次')
  assertMayManageDuty(actor, unit)
  const dates = shiftDates(shift)
  const span = spanInstants(dates.from, dates.to)
  // Only this shift's start: the data holds the candidates and their absences over its days.
  const data = await r.dutyRosters.roster(unit, {
    ...span,
    from: shift.startsAt,
    to: new Date(Date.parse(shift.startsAt) + 1).toISOString(),
  })
  return { r, actor, now, shift, unit, data }
}

/** The post through which a person may stand as leader or staff on a date, if any. */
function candidatePost(frame: ShiftFrame, role: 'leader' | 'staff', personId: string): string {
  const postIds = role === 'leader' ? frame.unit.leaderPostIds : frame.unit.staffPostIds
  const dates = shiftDates(frame.shift)
  const post = frame.data.candidates.find(
    (c) =>
      postIds.includes(c.postId) &&
      c.holders.some(
        (h) =>
          h.personId === personId && h.from <= dates.from && (h.to === null || h.to >= dates.from),
      ),
  )
  if (!post)
    throw new InvalidInputError(
      'DUTY_NOT_CANDIDATE',
      role === 'leader' ? '此人不在本单位的带班领导名单中' : '此人不在本单位的值班人员名单中',
    )
  if (isAway(frame.data, personId, dates.from, dates.to)) {
    const name = frame.data.people.find((p) => p.personId === personId)?.name ?? ''
    throw new InvalidInputError('DUTY_PERSON_AWAY', `${name}在该班次期间请假或外出，不能排班`)
  }
  return post.postId
}

function answer(
  deps: ActDeps,
  frame: ShiftFrame,
  after: DutyShiftRecord,
): { shift: DutyShiftView } {
  const rule = dutyRuleOf(deps.rules, frame.unit, shiftDates(after).from)
  return { shift: shiftView(frame.unit, frame.data, rule, frame.now, after) }
}

/**
 * The keeper changes who stands a draft shift (编辑值班表): the leader on call and staff, each a
 * candidate of the unit and not away over the shift. A published shift changes by a swap.
 */
export async function editDutyShift(
  deps: ActDeps,
  session: SessionRecord,
  shiftId: string,
  input: { leaderPersonId: string | null; staffPersonIds: string[]; version: number },
): Promise<{ shift: DutyShiftView }> {
  if (new Set(input.staffPersonIds).size !== input.staffPersonIds.length)
    throw new InvalidInputError('DUTY_STAFF_TWICE', '同一人不能在一个班次中排两次')
  return deps.inTransaction(async (r) => {
    const frame = await lockShift(deps, r, session, shiftId)
    if (frame.shift.status === 'published')
      throw new ConflictError('DUTY_SHIFT_PUBLISHED', '班次已发布，请通过换班调整')
    const leaderPostId = input.leaderPersonId
      ? candidatePost(frame, 'leader', input.leaderPersonId)
      : null
    for (const id of input.staffPersonIds) candidatePost(frame, 'staff', id)
    const after = await r.dutyRosters.updateShift(shiftId, input.version, {
      leaderPostId,
      leaderPersonId: input.leaderPersonId,
      staffPersonIds: input.staffPersonIds,
    })
    if (!after) throw new ConflictError('DUTY_SHIFT_CHANGED', '班次已被他人修改，请刷新后重试')
    await r.audit.append(
      auditEntry({
        jurisdictionId: frame.unit.jurisdictionId,
        occurredAt: frame.now.toISOString(),
        actorPersonId: frame.actor.personId,
        actorPostId: frame.actor.currentPost.postId,
        action: 'duty.shift.edit',
        subject: shiftId,
        beforeDigest: digestOf(frame.shift, deps.hasher),
        afterDigest: digestOf(after, deps.hasher),
      }),
      deps.hasher,
    )
    return answer(deps, frame, after)
  })
}

/**
 * A swap on a published shift (换班): who stood (leader, or one of the staff) gives the shift to
 * another candidate who is not away, with the reason; both are told; audited and kept
 * (duty_swaps). The shift is checked again before it starts.
 */
export async function swapDutyShift(
  deps: ActDeps,
  session: SessionRecord,
  shiftId: string,
  input: {
    role: 'leader' | 'staff'
    fromPersonId: string | null
    toPersonId: string
    reason: string
  },
): Promise<{ shift: DutyShiftView }> {
  const reason = input.reason.trim()
  if (reason.length === 0) throw new InvalidInputError('DUTY_SWAP_REASON', '请填写换班事由')
  return deps.inTransaction(async (r) => {
    const frame = await lockShift(deps, r, session, shiftId)
    const { shift, unit, now } = frame
    if (shift.status !== 'published')
      throw new ConflictError('DUTY_SHIFT_DRAFT', '班次尚未发布，直接编辑即可')
    if (Date.parse(shift.endsAt) <= now.getTime())
      throw new ConflictError('DUTY_SHIFT_OVER', '班次已结束，不能换班')
    const onShift = [shift.leaderPersonId, ...shift.staffPersonIds]
    if (onShift.includes(input.toPersonId))
      throw new InvalidInputError('DUTY_SWAP_SAME', '此人已在本班次')
    const toPostId = candidatePost(frame, input.role, input.toPersonId)
    const people =
      input.role === 'leader'
        ? {
            leaderPostId: toPostId,
            leaderPersonId: input.toPersonId,
            staffPersonIds: shift.staffPersonIds,
          }
        : {
            leaderPostId: shift.leaderPostId,
            leaderPersonId: shift.leaderPersonId,
            staffPersonIds: swapIn(shift.staffPersonIds, input.fromPersonId, input.toPersonId),
          }
    const fromPersonId = input.role === 'leader' ? shift.leaderPersonId : input.fromPersonId
    const after = await r.dutyRosters.updateShift(shiftId, shift.version, people)
    if (!after) throw new ConflictError('DUTY_SHIFT_CHANGED', '班次已被他人修改，请刷新后重试')
    const at = now.toISOString()
    await r.dutyRosters.addSwap({
      id: deps.newId(),
      shiftId,
      fromPersonId,
      toPersonId: input.toPersonId,
      role: input.role,
      reason,
      byPersonId: frame.actor.personId,
      at,
    })
    const date = shanghaiDateOf(Date.parse(shift.startsAt))
    const told = [fromPersonId, input.toPersonId].filter((id): id is string => id !== null)
    await r.notifications.notifyAll(
      told.map((personId): NewNotification => ({
        jurisdictionId: unit.jurisdictionId,
        recipient: { personId },
        kind: 'dutyRoster',
        title: `换班：${unit.departmentName}${date}${shift.label}${input.role === 'leader' ? '带班领导' : '值班'}`,
        body: `${personId === input.toPersonId ? '由您接班' : '您已换出'}。事由：${reason}`,
        link: `/duty/rosters?unit=${unit.id}&from=${date}&to=${date}`,
        at,
        dedupeKey: `duty-swap:${shiftId}:${after.version}:${personId}`,
      })),
    )
    await r.jobs.scheduleAll([gapCheckTimer(after, now)])
    await r.audit.append(
      auditEntry({
        jurisdictionId: unit.jurisdictionId,
        occurredAt: at,
        actorPersonId: frame.actor.personId,
        actorPostId: frame.actor.currentPost.postId,
        action: 'duty.shift.swap',
        subject: shiftId,
        beforeDigest: digestOf(shift, deps.hasher),
        afterDigest: digestOf(after, deps.hasher),
        details: { role: input.role, from: fromPersonId, to: input.toPersonId, reason },
      }),
      deps.hasher,
    )
    return answer(deps, frame, after)
  })
}

function swapIn(staff: readonly string[], from: string | null, to: string): string[] {
  if (from === null) return [...staff, to]
  if (!staff.includes(from)) throw new InvalidInputError('DUTY_SWAP_FROM', '换出的人不在本班次')
  return staff.map((id) => (id === from ? to : id))
}
