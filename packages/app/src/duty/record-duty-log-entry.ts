import type { ActDeps } from '../acts/act-kernel.ts'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { DUTY_LOG_KINDS, type DutyLogEntry, type DutyLogKind } from './duty-log.ts'
import { dutyLogCitations, dutyUnitNotFound, mayKeepLog } from './duty-log-access.ts'

const MINUTE = 60_000

export interface NewDutyLogEntry {
  unitId: string
  kind: string
  /** When it came in (ISO instant); kept to the minute. */
  receivedAt: string
  fromText?: string
  summary: string
  actionTaken?: string
  passOn?: boolean
  incidentId?: string | null
}

/** An instant to the minute (seconds dropped), refused when not a time or still to come. */
export function receivedMinute(receivedAt: string, now: Date): string {
  const at = Date.parse(receivedAt)
  if (Number.isNaN(at))
    throw new InvalidInputError('DUTY_LOG_BAD_TIME', '请填写收到的时间（精确到分钟）', [
      { path: 'receivedAt', message: '时间格式不正确' },
    ])
  const minute = Math.floor(at / MINUTE) * MINUTE
  if (minute > now.getTime())
    throw new InvalidInputError('DUTY_LOG_IN_FUTURE', '收到的时间不能晚于现在', [
      { path: 'receivedAt', message: '不能晚于现在' },
    ])
  return new Date(minute).toISOString()
}

/**
 * 值班记录: one thing that came in on duty — a call, a leader's instruction, a hotline item, an
 * incident — at the minute it came, from whom, what was done and whether it passes to the next
 * shift. It falls in the unit's shift covering that minute; a shift already handed over takes no
 * more entries (the next shift records it). One transaction: the unit and that shift read and
 * locked in one statement, the entry, the audit record.
 */
export function recordDutyLogEntry(deps: ActDeps, session: SessionRecord, input: NewDutyLogEntry) {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const actor = actingIn(await actorOfSession(r, session, now))
    if (!(input.kind in DUTY_LOG_KINDS))
      throw new InvalidInputError(
        'DUTY_LOG_BAD_KIND',
        `记录类别只能是：${Object.values(DUTY_LOG_KINDS).join('、')}`,
      )
    const summary = input.summary.trim()
    if (!summary)
      throw new InvalidInputError('DUTY_LOG_SUMMARY_REQUIRED', '请填写来电来报的主要内容', [
        { path: 'summary', message: '请填写主要内容' },
      ])
    const receivedAt = receivedMinute(input.receivedAt, now)
    const minute = Date.parse(receivedAt)
    const desk = await r.dutyLog.desk(
      actor.jurisdictionId,
      input.unitId,
      { from: receivedAt, to: new Date(minute + MINUTE).toISOString() },
      { forUpdate: true },
    )
    const shift = desk?.shifts.find(
      (s) => Date.parse(s.startsAt) <= minute && minute < Date.parse(s.endsAt),
    )
    if (!desk || !mayKeepLog(actor, desk.unit, [shift ?? null])) throw dutyUnitNotFound()
    const handed = shift && desk.handovers.find((handover) => handover.fromShiftId === shift.id)
    if (handed)
      throw new ConflictError(
        'DUTY_SHIFT_HANDED_OVER',
        `${shift.label || '该班次'}已于${handed.handedAt.slice(0, 16).replace('T', ' ')}（UTC）交班，不能再补记；请记入本班`,
      )
    const entry: DutyLogEntry = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      dutyUnitId: desk.unit.id,
      shiftId: shift?.id ?? null,
      kind: input.kind as DutyLogKind,
      receivedAt,
      fromText: input.fromText?.trim() ?? '',
      summary,
      actionTaken: input.actionTaken?.trim() ?? '',
      passOn: input.passOn ?? false,
      supervisionItemId: null,
      incidentId: input.incidentId ?? null,
      recordedBy: { personId: actor.personId, name: '' },
      recordedAt: at,
    }
    const inserted = await r.dutyLog.insertEntry({
      ...entry,
      recordedByPostId: actor.currentPost.postId,
    })
    if (entry.incidentId && inserted.incidentId === null)
      throw new InvalidInputError('DUTY_LOG_UNKNOWN_INCIDENT', '本辖区没有这起突发事件', [
        { path: 'incidentId', message: '没有这起突发事件' },
      ])
    entry.recordedBy.name = inserted.recordedByName
    const citations = dutyLogCitations(deps.rules, actor.jurisdictionId)
    await r.audit.append(
      auditEntry({
        jurisdictionId: actor.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'dutyLog.record',
        subject: entry.id,
        afterDigest: digestOf(entry, deps.hasher),
        ruleIds: ruleIdsOf(citations),
        details: { unitId: entry.dutyUnitId, shiftId: entry.shiftId, kind: entry.kind, receivedAt },
      }),
      deps.hasher,
    )
    return { ...entry, citations }
  })
}
