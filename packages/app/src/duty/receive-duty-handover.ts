import type { ActDeps } from '../acts/act-kernel.ts'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { dutyLogCitations, mayKeepLog, onShift, staffed } from './duty-log-access.ts'

/**
 * 接班: one standing on the next shift signs the handover received (anyone keeping the log, when
 * that shift named nobody or there is none in the roster) — never the one who handed it: the
 * handover carries both shifts' signatures.
 */
export function receiveDutyHandover(deps: ActDeps, session: SessionRecord, handoverId: string) {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const actor = actingIn(await actorOfSession(r, session, now))
    const found = await r.dutyLog.handoverForUpdate(actor.jurisdictionId, handoverId)
    if (!found || !mayKeepLog(actor, found.unit, [found.fromShift, found.toShift]))
      throw new NotFoundError('DUTY_HANDOVER_NOT_FOUND', '没有这次交班，或您无权查看')
    const { handover, toShift } = found
    if (handover.receivedBy)
      throw new ConflictError(
        'DUTY_HANDOVER_ALREADY_RECEIVED',
        `${handover.receivedBy.name}已签收这次交班`,
      )
    if (handover.handedBy.personId === actor.personId)
      throw new NotPermittedError(
        'DUTY_HANDOVER_SAME_PERSON',
        '交接班须由接班人员签收，交班人不能自己签收',
      )
    if (toShift && staffed(toShift) && !onShift(actor.personId, toShift))
      throw new NotPermittedError(
        'DUTY_NOT_ON_NEXT_SHIFT',
        '接班须由下一班值班人员（带班领导或值班员）签收',
      )
    const name = await r.dutyLog.receiveHandover(handover.id, actor.personId, at)
    const after = { ...handover, receivedBy: { personId: actor.personId, name }, receivedAt: at }
    const citations = dutyLogCitations(deps.rules, actor.jurisdictionId)
    await r.audit.append(
      auditEntry({
        jurisdictionId: actor.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'dutyHandover.receive',
        subject: handover.id,
        beforeDigest: digestOf(handover, deps.hasher),
        afterDigest: digestOf(after, deps.hasher),
        ruleIds: ruleIdsOf(citations),
        details: { fromShiftId: handover.fromShiftId, toShiftId: handover.toShiftId },
      }),
      deps.hasher,
    )
    return { ...after, citations }
  })
}
