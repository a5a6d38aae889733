import { NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import {
  assertNamedPost,
  countersignStanding,
  OVERDUE_COUNTERSIGN_ACTIONS,
  openCountersignOf,
} from './countersign-standing.ts'
import { ruleIdsOf } from './document-rules.ts'

/**
 * 通报: where the countersign rule circulates a late unit that did not explain (二连浩特 五十一:
 * 否则市人民政府办公厅将予以通报), the post the rule names records the circular of the unit whose
 * 会签 is overdue and unexplained. The lateness is settled: the signer may go on without the reply.
 */
export function circulateOverdueCountersign(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; departmentId: string; opinion?: string },
) {
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, today }) => {
    assertState(document, ['reviewing', 'awaitingSignature'], '通报')
    const { task, unit } = await openCountersignOf(r, document, input.departmentId, today)
    const events = await r.documents.events(document.id)
    const standing = countersignStanding(deps.rules, document, task, events, today)
    if (!standing)
      throw new RuleRefusedError('RULE_NOT_FOUND', '本辖区规则库未规定会签逾期的处理', [])
    if (standing.outcome.awaiting !== 'explanationOrCircular')
      throw new NotPermittedError(
        standing.outcome.awaiting === 'reply'
          ? 'COUNTERSIGN_NOT_OVERDUE'
          : standing.outcome.settled === 'explained'
            ? 'ALREADY_EXPLAINED'
            : 'NO_CIRCULAR_IN_RULES',
        `${unit}的会签不予通报：${standing.summary}`,
      )
    assertNamedPost(post, standing.outcome.circulatedBy, '通报', standing)
    return {
      action: OVERDUE_COUNTERSIGN_ACTIONS.circulate,
      opinion:
        input.opinion?.trim() ||
        `通报：${unit}会签逾期（期限 ${standing.outcome.due}）未回复，也未书面说明情况和理由`,
      ruleIds: ruleIdsOf(standing.citations),
      details: { departmentId: input.departmentId, unit, dueDate: task.dueDate },
      result: { circulated: true },
    }
  })
}
