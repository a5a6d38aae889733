import { shanghaiDateOf } from '@zhengling/rules'
import { actorOf } from '../documents/act-on-document.ts'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { AbsenceStatus } from './absence.ts'
import { isGovernmentOffice } from './act-on-absence.ts'
import { absenceSummaryOf } from './view-absence.ts'

/**
 * 我的申请 (mine), 待我审批 (toDecide: pending on a post the viewer acts in, 代行 included),
 * or the government office's overview (office: every absence it keeps, with 未销假 overdue).
 * One statement beyond the actor.
 */
export async function listAbsences(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  query: {
    scope: 'mine' | 'toDecide' | 'office'
    status?: AbsenceStatus
    from?: string
    to?: string
  },
) {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  if (query.scope === 'office' && !isGovernmentOffice({ currentPost: post }))
    throw new NotPermittedError('NOT_GOVERNMENT_OFFICE', '只有政府办公室可以查看全部请销假情况')
  const today = shanghaiDateOf(now.getTime())
  const lines = await r.absences.list(viewer, {
    ...query,
    personId: session.personId as string,
    postIds: viewer.postIds,
    limit: 200,
  })
  return { items: lines.map((line) => absenceSummaryOf(line, today)) }
}
