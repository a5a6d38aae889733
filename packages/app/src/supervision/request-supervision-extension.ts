import { ask, ruleIdsOf } from '../documents/document-rules.ts'
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
 * 申请延期: a lead unit that cannot finish in time explains in writing to the supervision office
 * (木里 第八十一条（二）: 如有特殊情况不能按时办结的，应及时向县委县政府目督办书面说明原因).
 */
export function requestSupervisionExtension(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: { itemId: string; requestedDue: string; reason: string },
): Promise<SupervisionItem> {
  const reason = input.reason.trim()
  if (reason.length < 10)
    throw new InvalidInputError('REASON_REQUIRED', '请书面说明不能按时办结的原因（不少于10个字）')
  return actOnSupervisionItem(deps, session, input.itemId, async ({ post, item, at }) => {
    assertItemState(item, ['open'], '申请延期')
    if (!isOfItemUnit(post, item))
      throw new NotPermittedError('NOT_LEAD_UNIT', '只有牵头单位可以申请延期')
    if (item.pendingExtension)
      throw new InvalidInputError('EXTENSION_PENDING', '已有待审核的延期申请')
    if (input.requestedDue <= item.dueDate)
      throw new InvalidInputError(
        'EXTENSION_NOT_LATER',
        `申请的办理时限应晚于现时限 ${item.dueDate}`,
      )
    const rule = ask<{ posts: string[] }>(deps.rules, item.jurisdictionId, 'responsible-posts', {
      matter: 'supervisionItemOverdue',
    })
    return {
      action: 'requestExtension',
      text: reason,
      ruleIds: ruleIdsOf(rule?.citations ?? []),
      details: { requestedDue: input.requestedDue, dueDate: item.dueDate },
      changes: { pendingExtension: { requestedDue: input.requestedDue, reason, requestedAt: at } },
    }
  })
}
