import { shanghaiDateOf } from '@zhengling/rules'
import { assertClearedFor, parseSecrecyInput } from '../access/secrecy.ts'
import { actorOf } from '../documents/act-on-document.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { SupervisionDeps } from './act-on-supervision-item.ts'
import { MANUAL_SOURCES, openSupervisionItem } from './open-supervision-item.ts'
import { ledgerKeepers } from './supervision-desk.ts'
import type { SupervisionItem } from './supervision-item.ts'

export interface ManualSupervisionItem {
  source: string
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  /** The day it was assigned; today when not given. */
  assignedOn?: string
  dueDate?: string
  milestones?: { title: string; dueDate: string }[]
  secrecy?: string
}

/**
 * 立项督办: the supervision office (or the office the rulebook makes keep the ledger) enters an
 * item from a higher-level deployment, the 政府工作报告, a deputy's suggestion or a CPPCC proposal
 * (木里 第七十九条). Meeting decisions and leader instructions enter the ledger by themselves.
 */
export function createSupervisionItem(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: ManualSupervisionItem,
): Promise<SupervisionItem> {
  if (!MANUAL_SOURCES[input.source])
    throw new InvalidInputError(
      'UNKNOWN_SOURCE',
      `督办来源只能是：${Object.values(MANUAL_SOURCES).join('、')}`,
    )
  const secrecy = parseSecrecyInput(input.secrecy ?? 'internal')
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    assertClearedFor(viewer.clearance, secrecy, '立项此密级的督办事项')
    const keepers = ledgerKeepers(deps.rules, viewer.jurisdictionId)
    if (!keepers.posts.some((id) => matchesRulebookPost(post, id)))
      throw new NotPermittedError(
        'NOT_SUPERVISION_OFFICE',
        `${post.title}不能立项督办（由督查部门或台账管理部门立项）`,
        keepers.citations,
      )
    const today = shanghaiDateOf(now.getTime())
    const chart = await r.organisation.organisationChart(viewer.jurisdictionId, today)
    const known = new Set(chart?.departments.map((department) => department.id))
    for (const id of [input.leadDepartmentId, ...(input.coDepartmentIds ?? [])])
      if (!known.has(id))
        throw new InvalidInputError('UNKNOWN_DEPARTMENT', '牵头或配合单位不是本辖区的单位')
    const overseers = await r.organisation.overseersOf(input.leadDepartmentId, today)
    return openSupervisionItem(r, deps, {
      jurisdictionId: viewer.jurisdictionId,
      source: input.source,
      title: input.title,
      requirement: input.requirement,
      leadDepartmentId: input.leadDepartmentId,
      coDepartmentIds: input.coDepartmentIds,
      responsiblePerson: input.responsiblePerson,
      assignedOn: input.assignedOn ?? today,
      dueDate: input.dueDate,
      milestones: input.milestones,
      secrecy,
      extraPosts: overseers.map((overseer) => overseer.postId),
      actor: { personId: session.personId, postId: post.postId },
      at: now.toISOString(),
    })
  })
}
