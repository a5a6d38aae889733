import { addDays, shanghaiDateOf } from '@zhengling/rules'
import { actorOf } from '../documents/act-on-document.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { LedgerQuery } from './supervision-repository.ts'
import { holdingsDirectoryOn } from '../organisation/current-holders.ts'
import { supervisionItemHolders } from './supervision-item-holders.ts'
import { standingOf } from './view-supervision-item.ts'

export type LedgerFilter = Pick<
  LedgerQuery,
  'state' | 'source' | 'departmentId' | 'limit' | 'offset'
>

/** The last day of the week (Sunday) `today` falls in: "due this week". */
export function weekEndOf(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  return addDays(today, weekday === 0 ? 0 : 7 - weekday)
}

/** The ledger (督查台账) the viewer may see, filtered, with each line's standing today. */
export async function listSupervisionLedger(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  filter: LedgerFilter,
) {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const today = shanghaiDateOf(now.getTime())
  const page = await r.supervision.ledger(viewer, { ...filter, today, dueSoonBy: weekEndOf(today) })
  // Who holds each line, and the units' names: one read of the organisation for the whole page.
  const directory = await holdingsDirectoryOn(r, deps.rules, viewer.jurisdictionId, today)
  return {
    total: page.total,
    today,
    items: page.items.map((item) => ({
      ...item,
      ...standingOf(deps.rules, item, today),
      leadDepartmentName: directory.unitName(item.leadDepartmentId),
      coDepartmentNames: item.coDepartmentIds.map((id) => directory.unitName(id)),
      holders: supervisionItemHolders(directory, item),
    })),
  }
}
