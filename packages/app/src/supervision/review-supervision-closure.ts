import { shanghaiDateOf, toEpochDay } from '@zhengling/rules'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  actOnSupervisionItem,
  assertItemState,
  type SupervisionDeps,
} from './act-on-supervision-item.ts'
import { assertSupervisionOffice } from './supervision-desk.ts'
import type { SupervisionItem } from './supervision-item.ts'

/**
 * 办结审核: the supervision office closes the item — on time, or so many days late, judged on the
 * day the lead unit reported it done — or sends it back with its reasons.
 */
export function reviewSupervisionClosure(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: { itemId: string; approve: boolean; text?: string },
): Promise<SupervisionItem> {
  return actOnSupervisionItem(deps, session, input.itemId, async ({ r, post, item, today }) => {
    assertSupervisionOffice(post, '审核办结')
    assertItemState(item, ['closeRequested'], '审核办结')
    if (!input.approve) {
      if (!input.text?.trim()) throw new InvalidInputError('TEXT_REQUIRED', '退回须说明理由')
      return {
        action: 'returnClosure',
        text: input.text.trim(),
        ruleIds: [],
        changes: { state: 'open' },
      }
    }
    const events = await r.supervision.events(item.id)
    const reported = [...events].reverse().find((event) => event.action === 'requestClosure')
    const closedOn = reported ? shanghaiDateOf(Date.parse(reported.occurredAt)) : today
    const daysLate = Math.max(0, toEpochDay(closedOn) - toEpochDay(item.dueDate))
    return {
      action: 'close',
      text: input.text?.trim() || null,
      ruleIds: [],
      details: { closedOn, daysLate },
      changes: { state: 'closed', closedOn, daysLate },
    }
  })
}
