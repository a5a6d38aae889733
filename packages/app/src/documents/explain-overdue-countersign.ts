import { NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import {
  countersignStanding,
  OVERDUE_COUNTERSIGN_ACTIONS,
  openCountersignOf,
} from './countersign-standing.ts'
import { requiredText } from './document-exits.ts'
import { ruleIdsOf } from './document-rules.ts'

/**
 * 书面说明: a unit whose 会签 is overdue, where the countersign rule asks the late unit to explain
 * (二连浩特 五十一: 逾期不能办结的，应书面说明情况和理由，否则予以通报), files its explanation
 * (situation and reasons, required). The lateness is settled: the signer may go on without the
 * reply; the request stays open, so the unit may still reply until the document is signed.
 */
export function explainOverdueCountersign(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; explanation: string },
) {
  const explanation = requiredText(
    input.explanation,
    'EXPLANATION_EMPTY',
    '请写明逾期未能回复的情况和理由',
  )
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, today }) => {
    assertState(document, ['reviewing', 'awaitingSignature'], '书面说明')
    if (!post.departmentId)
      throw new NotPermittedError('NOT_ASKED_TO_COUNTERSIGN', `${post.title}不属于待会签的单位`)
    const { task, unit } = await openCountersignOf(r, document, post.departmentId, today)
    const events = await r.documents.events(document.id)
    const standing = countersignStanding(deps.rules, document, task, events, today)
    if (!standing)
      throw new RuleRefusedError('RULE_NOT_FOUND', '本辖区规则库未规定会签逾期的处理', [])
    if (standing.outcome.awaiting !== 'explanationOrCircular')
      throw new NotPermittedError(
        standing.outcome.awaiting === 'reply'
          ? 'COUNTERSIGN_NOT_OVERDUE'
          : 'NO_EXPLANATION_IN_RULES',
        `${unit}的会签无须书面说明：${standing.summary}`,
      )
    return {
      action: OVERDUE_COUNTERSIGN_ACTIONS.explain,
      opinion: explanation,
      ruleIds: ruleIdsOf(standing.citations),
      details: { departmentId: post.departmentId, unit, dueDate: task.dueDate },
      result: { explained: true },
    }
  })
}
