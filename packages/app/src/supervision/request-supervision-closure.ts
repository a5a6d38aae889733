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
 * 报办结: the lead unit reports the item done in writing (承办单位应按期办结并做好书面报告, 木里
 * 第八十一条（二）); it stays open until the supervision office reviews it.
 */
export function requestSupervisionClosure(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: { itemId: string; report: string },
): Promise<SupervisionItem> {
  const report = input.report.trim()
  if (!report) throw new InvalidInputError('REPORT_REQUIRED', '请填写办结报告')
  return actOnSupervisionItem(deps, session, input.itemId, async ({ post, item }) => {
    assertItemState(item, ['open'], '报办结')
    if (!isOfItemUnit(post, item))
      throw new NotPermittedError('NOT_LEAD_UNIT', '只有牵头单位可以报办结')
    return {
      action: 'requestClosure',
      text: report,
      ruleIds: [],
      changes: { state: 'closeRequested' },
    }
  })
}
