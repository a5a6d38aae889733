import { actingIn, actorOfSession } from '../acts/actor.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { auditEntry } from '../audit/audit-record.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { assertMayManageDuty } from './duty-access.ts'
import { dutyRuleOf, dutySpanOf, spanInstants } from './duty-calendar.ts'
import { planDutyRoster } from './plan-duty-roster.ts'
import {
  type DutyRosterQuery,
  type DutyRosterView,
  dutyDays,
  rosterView,
} from './view-duty-roster.ts'

/**
 * Generates a unit's draft roster over a span, or over a holiday period of the official calendar
 * (国庆节 2026: the days the notice gives): each day's shifts by its kind (工作日, 双休日, 节假日),
 * on the days the rule keeps duty, the leader on call and staff in rotation, skipping whoever is
 * away (请假, 外出). Drafts in the span are replaced; published shifts stay. A shift nobody can
 * take is in the answer, flagged. One transaction with its audit record.
 */
export async function generateDutyRoster(
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
    const data = await r.dutyRosters.roster(unit, instants)
    const rule = dutyRuleOf(deps.rules, unit, span.from)
    const planned = planDutyRoster(
      unit,
      dutyDays(deps.rules, unit.jurisdictionId, span.from, span.to),
      data,
      rule,
      deps.newId,
    )
    const written = await r.dutyRosters.replaceDrafts(unit.id, instants, planned)
    const published = data.shifts.filter((s) => s.status === 'published')
    const after = {
      ...data,
      shifts: [...published, ...written].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    }
    const view = rosterView(deps.rules, { unit, actor, now }, span, after)
    await r.audit.append(
      auditEntry({
        jurisdictionId: unit.jurisdictionId,
        occurredAt: now.toISOString(),
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'duty.roster.generate',
        subject: unit.id,
        ruleIds: [...new Set((rule?.citations ?? []).map((c) => c.ruleId))],
        details: {
          from: span.from,
          to: span.to,
          holiday: span.holiday?.name ?? null,
          shifts: written.length,
          gaps: view.gaps,
        },
      }),
      deps.hasher,
    )
    return view
  })
}
