import { shanghaiDateOf } from '@zhengling/rules'
import { actorOf } from '../documents/act-on-document.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { weekEndOf } from './list-supervision-ledger.ts'

/** The jurisdiction's (or one unit's) figures for the dashboard, as of today. */
export async function viewSupervisionDashboard(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  query: { departmentId?: string },
) {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const today = shanghaiDateOf(now.getTime())
  const figures = await r.supervision.dashboard(viewer, {
    today,
    weekEnd: weekEndOf(today),
    departmentId: query.departmentId,
  })
  return {
    today,
    ...figures,
    onTimeRate: figures.closed ? figures.closedOnTime / figures.closed : null,
  }
}
