import type { ActDeps } from '../acts/act-kernel.ts'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { DutyHandover } from './duty-log.ts'
import { dutyLogCitations, mayKeepLog, onShift, staffed } from './duty-log-access.ts'

const shiftNotFound = () =>
  new NotFoundError('DUTY_SHIFT_NOT_FOUND', '没有这个值班班次，或您无权查看')

/**
 * 交班: the shift on duty hands over to the next one — its notes, with the entries it marked to
 * pass on — signed by one who stood on it (anyone keeping the log, for a shift that named nobody).
 * A shift not yet begun is not handed over, and a shift is handed over once.
 */
export function handOverDutyShift(
  deps: ActDeps,
  session: SessionRecord,
  input: { fromShiftId: string; notes?: string },
) {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const actor = actingIn(await actorOfSession(r, session, now))
    const found = await r.dutyLog.shiftForUpdate(actor.jurisdictionId, input.fromShiftId)
    if (!found || !mayKeepLog(actor, found.unit, [found.shift])) throw shiftNotFound()
    const { shift, nextShift } = found
    if (staffed(shift) && !onShift(actor.personId, shift))
      throw new NotPermittedError(
        'DUTY_NOT_ON_SHIFT',
        '交班须由本班值班人员（带班领导或值班员）签字',
      )
    if (Date.parse(shift.startsAt) > now.getTime())
      throw new InvalidInputError('DUTY_SHIFT_NOT_STARTED', '本班尚未开始，不能交班')
    if (found.handover) throw new ConflictError('DUTY_ALREADY_HANDED_OVER', '本班已交班')
    const handover: DutyHandover = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      dutyUnitId: found.unit.id,
      fromShiftId: shift.id,
      toShiftId: nextShift?.id ?? null,
      notes: input.notes?.trim() ?? '',
      handedBy: { personId: actor.personId, name: '' },
      handedAt: at,
      receivedBy: null,
      receivedAt: null,
    }
    handover.handedBy.name = await r.dutyLog.insertHandover(handover)
    // The next shift is told to sign it received: its people, or the unit when it names nobody.
    const receivers = nextShift
      ? [nextShift.leader, ...nextShift.staff].filter(
          (person): person is NonNullable<typeof person> =>
            person !== null && person.personId !== actor.personId,
        )
      : []
    await r.notifications.notifyAll(
      (receivers.length
        ? receivers.map((person) => ({ personId: person.personId }))
        : [{ departmentId: found.unit.departmentId }]
      ).map((recipient) => ({
        jurisdictionId: actor.jurisdictionId,
        recipient,
        kind: 'dutyRoster' as const,
        title: `${found.unit.departmentName}交班待接班签收`,
        body: `${handover.handedBy.name}已交班${shift.label ? `（${shift.label}）` : ''}${handover.notes ? `：${handover.notes}` : ''}`,
        link: `/duty/log?unit=${found.unit.id}${nextShift ? `&shift=${nextShift.id}` : ''}`,
        at,
        dedupeKey: `dutyHandover:${handover.id}:${Object.values(recipient)[0]}`,
      })),
    )
    const citations = dutyLogCitations(deps.rules, actor.jurisdictionId)
    await r.audit.append(
      auditEntry({
        jurisdictionId: actor.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'dutyHandover.hand',
        subject: handover.id,
        afterDigest: digestOf(handover, deps.hasher),
        ruleIds: ruleIdsOf(citations),
        details: { fromShiftId: shift.id, toShiftId: handover.toShiftId },
      }),
      deps.hasher,
    )
    return { ...handover, citations }
  })
}
