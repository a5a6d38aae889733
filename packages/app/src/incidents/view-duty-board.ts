import { shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { IncidentScope } from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { dutyLeaderAt } from '../duty/duty-roster-reads.ts'
import { incidentSummaryOf } from './view-incident.ts'
import { timesIncidents } from './incident-options.ts'
import { reportingArticles, timeLimitWarningOf } from './time-limit-warning.ts'

/** What the board reads besides the incidents and the roster: the open opinions (H5). */
export interface DutyBoardReads {
  openOpinions?(scope: IncidentScope, now: string): Promise<unknown[]>
}

/**
 * 值班台: the open incidents with their steps counting down (from the server's now: the browser
 * counts from `serverNow`, never its own clock), how many are past a deadline, the 带班领导 on
 * call now, and the open public-opinion items; a warning where no reporting time limit is loaded.
 */
export async function viewDutyBoard(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  reads: DutyBoardReads,
  session: SessionRecord,
) {
  const now = deps.now()
  const at = now.toISOString()
  const actor = actingIn(await actorOfSession(r, session, now))
  const today = shanghaiDateOf(now.getTime())
  const scope = incidentScopeOf(deps.rules, actor, today)
  const open = await r.incidents.list(scope, { status: 'open', limit: 200 })
  const incidents = open.map((item) => incidentSummaryOf(item, item.departmentName, at))
  return {
    serverNow: at,
    seesAll: scope.seesAll,
    incidents,
    overdueIncidents: incidents.filter((item) => item.overdue).length,
    leaderOnCall: await dutyLeaderAt(r, actor.jurisdictionId, at),
    opinions: (await reads.openOpinions?.(scope, at)) ?? [],
    /** Where the rulebook times no incident: the loud warning, citing the county's articles. */
    timeLimitWarning: timesIncidents(deps.rules, actor.jurisdictionId, today)
      ? null
      : timeLimitWarningOf(reportingArticles(deps.rules, actor.jurisdictionId, today)),
  }
}
