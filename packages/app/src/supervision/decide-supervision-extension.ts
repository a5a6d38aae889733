import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  actOnSupervisionItem,
  assertItemState,
  type SupervisionDeps,
} from './act-on-supervision-item.ts'
import { remindOnFor } from './open-supervision-item.ts'
import { assertSupervisionOffice } from './supervision-desk.ts'
import type { SupervisionItem } from './supervision-item.ts'

/** The supervision office grants or refuses an extension; a granted one moves the due date and its reminders. */
export function decideSupervisionExtension(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: { itemId: string; approve: boolean; text?: string },
): Promise<SupervisionItem> {
  return actOnSupervisionItem(deps, session, input.itemId, async ({ post, item }) => {
    assertSupervisionOffice(post, '审核延期申请')
    assertItemState(item, ['open'], '审核延期申请')
    const pending = item.pendingExtension
    if (!pending) throw new InvalidInputError('NO_EXTENSION_PENDING', '没有待审核的延期申请')
    return {
      action: input.approve ? 'grantExtension' : 'refuseExtension',
      text: input.text?.trim() || null,
      ruleIds: [],
      details: { from: item.dueDate, to: input.approve ? pending.requestedDue : item.dueDate },
      changes: input.approve
        ? {
            pendingExtension: null,
            dueDate: pending.requestedDue,
            remindOn: remindOnFor(deps.rules, item.jurisdictionId, pending.requestedDue),
          }
        : { pendingExtension: null },
    }
  })
}
