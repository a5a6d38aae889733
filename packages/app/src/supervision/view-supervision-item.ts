import { shanghaiDateOf } from '@zhengling/rules'
import { actorOf } from '../documents/act-on-document.ts'
import { citationsOf } from '../documents/document-rules.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { holdingsDirectoryOn } from '../organisation/current-holders.ts'
import { SUPERVISION_STATE_LABELS } from './act-on-supervision-item.ts'
import { supervisionItemHolders } from './supervision-item-holders.ts'
import { isOfItemUnit, isSupervisionOffice } from './supervision-desk.ts'
import type { SupervisionItem } from './supervision-item.ts'

/** How a ledger line reads today: its state in words, working days left, overdue or not. */
export function standingOf(rules: RulesPort, item: SupervisionItem, today: string) {
  const open = item.state !== 'closed'
  return {
    stateLabel: SUPERVISION_STATE_LABELS[item.state],
    workingDaysLeft: open ? rules.workingDaysLeft(item.jurisdictionId, today, item.dueDate) : null,
    overdue: open && item.dueDate < today,
  }
}

/** A ledger item with its history, the articles behind its due date, and what the viewer may do. */
export async function viewSupervisionItem(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  itemId: string,
) {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  const item = await r.supervision.visible(viewer, itemId)
  if (!item) throw new NotFoundError('SUPERVISION_ITEM_NOT_FOUND', '没有这个督办事项，或您无权查看')
  const today = shanghaiDateOf(now.getTime())
  const [events, chart, evidence, directory] = await Promise.all([
    r.supervision.events(item.id),
    r.organisation.organisationChart(item.jurisdictionId, today),
    r.supervision.evidence(item.id),
    holdingsDirectoryOn(r, deps.rules, item.jurisdictionId, today),
  ])
  const unitName = (id: string) => chart?.departments.find((d) => d.id === id)?.name ?? ''
  const postTitle = (id: string | null) => chart?.posts.find((p) => p.postId === id)?.title ?? null
  const office = isSupervisionOffice(post)
  return {
    item: {
      ...item,
      ...standingOf(deps.rules, item, today),
      leadDepartmentName: unitName(item.leadDepartmentId),
      coDepartmentNames: item.coDepartmentIds.map(unitName),
      /** 当前办理: the lead unit, or the supervision office while a request waits on it. */
      holders: supervisionItemHolders(directory, item),
    },
    citations: citationsOf(deps.rules, item.jurisdictionId, item.ruleIds, item.assignedOn),
    evidence,
    events: events.map((event) => ({ ...event, actorTitle: postTitle(event.actorPostId) })),
    may: {
      report: item.state === 'open' && isOfItemUnit(post, item, true),
      attachEvidence: item.state !== 'closed' && isOfItemUnit(post, item, true),
      requestExtension: item.state === 'open' && !item.pendingExtension && isOfItemUnit(post, item),
      decideExtension: office && item.state === 'open' && Boolean(item.pendingExtension),
      requestClosure: item.state === 'open' && isOfItemUnit(post, item),
      reviewClosure: office && item.state === 'closeRequested',
    },
  }
}
