import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  actOnSupervisionItem,
  assertItemState,
  type SupervisionDeps,
} from './act-on-supervision-item.ts'
import { isOfItemUnit } from './supervision-desk.ts'
import type { SupervisionItem } from './supervision-item.ts'

/**
 * 报送进展: the lead unit or a co-unit reports progress; a report may mark a milestone done
 * (明确进度安排和时间节点, 木里 第八十一条（一）).
 */
export function reportSupervisionProgress(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: { itemId: string; text: string; milestoneIndex?: number },
): Promise<SupervisionItem> {
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('TEXT_REQUIRED', '请填写进展情况')
  return actOnSupervisionItem(deps, session, input.itemId, async ({ post, item, today }) => {
    assertItemState(item, ['open'], '报送进展')
    if (!isOfItemUnit(post, item, true))
      throw new NotPermittedError('NOT_ITEM_UNIT', `${post.title}不是该事项的牵头或配合单位`)
    let milestones = item.milestones
    if (input.milestoneIndex !== undefined) {
      const milestone = item.milestones[input.milestoneIndex]
      if (!milestone) throw new InvalidInputError('UNKNOWN_MILESTONE', '没有这个时间节点')
      if (milestone.doneOn) throw new InvalidInputError('MILESTONE_DONE', '该时间节点已完成')
      milestones = item.milestones.map((m, index) =>
        index === input.milestoneIndex ? { ...m, doneOn: today } : m,
      )
    }
    return {
      action: 'progress',
      text,
      ruleIds: [],
      details: { milestoneIndex: input.milestoneIndex ?? null },
      changes: milestones === item.milestones ? undefined : { milestones },
    }
  })
}
