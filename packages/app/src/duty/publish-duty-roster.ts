import { actingIn, actorOfSession } from '../acts/actor.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { auditEntry } from '../audit/audit-record.ts'
import { ConflictError, NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { NewNotification } from '../notifications/notification.ts'
import { assertMayManageDuty } from './duty-access.ts'
import { dutyRuleOf, dutySpanOf, spanInstants } from './duty-calendar.ts'
import { gapCheckTimer } from './duty-roster-timers.ts'
import { type DutyRosterQuery, type DutyRosterView, rosterView } from './view-duty-roster.ts'

/**
 * Publishes a unit's draft shifts over a span (发布值班表): each person on them is told their
 * shifts (值班安排), and each shift gets its check before it starts (a gap then is flagged to
 * the unit and the office). One transaction with its audit record.
 */
export async function publishDutyRoster(
  deps: ActDeps,
  session: SessionRecord,
  input: DutyRosterQuery,
): Promise<DutyRosterView> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    const unit = await r.dutyRosters.unit(input.unitId, true)
    if (!unit || unit.jurisdictionId !== actor.jurisdictionId)
      throw new NotFoundError('DUTY_UNIT_NOT_FOUND', '没有这个值班单位')
    assertMayManageDuty(actor, unit)
    const span = dutySpanOf(deps.rules, unit.jurisdictionId, input)
    const instants = spanInstants(span.from, span.to)
    const at = now.toISOString()
    const published = await r.dutyRosters.publish(unit.id, instants, at)
    if (published.length === 0)
      throw new ConflictError('DUTY_NOTHING_TO_PUBLISH', '期间内没有待发布的班次')
    const data = await r.dutyRosters.roster(unit, instants)
    const people = new Map<string, number>()
    for (const shift of published)
      for (const id of [shift.leaderPersonId, ...shift.staffPersonIds])
        if (id) people.set(id, (people.get(id) ?? 0) + 1)
    const link = `/duty/rosters?unit=${unit.id}&from=${span.from}&to=${span.to}`
    const period = span.holiday ? `${span.holiday.name}期间` : `${span.from}至${span.to}`
    await r.notifications.notifyAll(
      [...people].map(([personId, count]): NewNotification => ({
        jurisdictionId: unit.jurisdictionId,
        recipient: { personId },
        kind: 'dutyRoster',
        title: `值班安排：${unit.departmentName}${period}您有${count}个班次`,
        link,
        at,
        dedupeKey: `duty-publish:${unit.id}:${span.from}:${span.to}:${at}:${personId}`,
      })),
    )
    await r.jobs.scheduleAll(published.map((shift) => gapCheckTimer(shift, now)))
    const view = rosterView(deps.rules, { unit, actor, now }, span, data)
    const rule = dutyRuleOf(deps.rules, unit, span.from)
    await r.audit.append(
      auditEntry({
        jurisdictionId: unit.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'duty.roster.publish',
        subject: unit.id,
        ruleIds: [...new Set((rule?.citations ?? []).map((c) => c.ruleId))],
        details: { from: span.from, to: span.to, shifts: published.length, gaps: view.gaps },
      }),
      deps.hasher,
    )
    return view
  })
}
