import { shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  LATE_ENTRY_DECISION_LABELS,
  LATE_ENTRY_KIND_LABELS,
  type LateEntryLine,
} from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'

/** A civil-date window in Asia/Shanghai as instants [from 00:00, to+1 00:00). */
export function windowOf(from: string, to: string) {
  if (from > to)
    throw new InvalidInputError('INCIDENT_BAD_WINDOW', '起始日期不能晚于截止日期', [
      { path: 'from', message: '不能晚于截止日期' },
    ])
  const start = new Date(`${from}T00:00:00+08:00`).toISOString()
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString()
  return { from: start, to: end }
}

export const registerLineView = (line: LateEntryLine) => ({
  id: line.id,
  incidentId: line.incidentId,
  incidentTitle: line.incidentTitle,
  department: { id: line.reportingDepartmentId, name: line.departmentName },
  kind: line.kind,
  kindLabel: LATE_ENTRY_KIND_LABELS[line.kind],
  stepLabel: line.stepLabel ?? '续报',
  dueAt: line.dueAt,
  reportedAt: line.reportedAt,
  minutesLate: line.minutesLate,
  recordedAt: line.recordedAt,
  circularId: line.circularId,
  /** The duty office's 核实 (null: not reviewed); an excused line is never circulated. */
  review: line.review
    ? {
        decision: line.review.decision,
        decisionLabel: LATE_ENTRY_DECISION_LABELS[line.review.decision],
        reason: line.review.reason,
        reviewedByName: line.reviewedByName,
        reviewedAt: line.review.at,
      }
    : null,
})

/**
 * 迟报漏报登记: the steps reported late, those past due and not reported, and 续报 asked and not
 * sent, by due time in the window (default: the last 30 days). The duty office sees all; a
 * reporting unit its own lines.
 */
export async function listLateRegister(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  query: { from?: string; to?: string },
) {
  const now = deps.now()
  const today = shanghaiDateOf(now.getTime())
  const actor = actingIn(await actorOfSession(r, session, now))
  const to = query.to ?? today
  const from = query.from ?? shanghaiDateOf(Date.parse(`${to}T12:00:00+08:00`) - 29 * 86_400_000)
  const scope = incidentScopeOf(deps.rules, actor, today)
  const lines = await r.incidents.register(scope, windowOf(from, to))
  return {
    from,
    to,
    serverNow: now.toISOString(),
    canIssueCircular: scope.seesAll,
    entries: lines.map(registerLineView),
  }
}
