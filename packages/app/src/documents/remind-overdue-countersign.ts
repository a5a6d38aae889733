import { InvalidInputError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import {
  assertNamedPost,
  countersignStanding,
  OVERDUE_COUNTERSIGN_ACTIONS,
  openCountersignOf,
} from './countersign-standing.ts'
import { ruleIdsOf } from './document-rules.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * 催办 of an overdue 会签, where the countersign rule reminds first (延津 三十: 逾期未反馈的由
 * 综合股提醒并督促，再次未及时反馈的视为无不同意见): the post the rule names records the reminder
 * and the date by which the unit must now reply — the rule's period after a reminder, or the date
 * the post sets where the rule gives none. Once that date passes unanswered, the rule's second
 * meaning applies when the signer signs.
 */
export function remindOverdueCountersign(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; departmentId: string; dueDate?: string; opinion?: string },
) {
  if (input.dueDate !== undefined && !DATE.test(input.dueDate))
    throw new InvalidInputError('INVALID_DATE', '提醒期限应为日期（如 2026-03-19）')
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, today }) => {
    assertState(document, ['reviewing', 'awaitingSignature'], '催办会签')
    const { task, unit } = await openCountersignOf(r, document, input.departmentId, today)
    const events = await r.documents.events(document.id)
    const standing = countersignStanding(deps.rules, document, task, events, today)
    if (!standing)
      throw new RuleRefusedError('RULE_NOT_FOUND', '本辖区规则库未规定会签逾期的处理', [])
    const { awaiting } = standing.outcome
    if (awaiting !== 'reminder')
      throw new NotPermittedError(
        awaiting === 'reply'
          ? 'COUNTERSIGN_NOT_OVERDUE'
          : awaiting === 'replyAfterReminder'
            ? 'ALREADY_REMINDED'
            : 'NO_REMINDER_IN_RULES',
        `${unit}的会签无须催办：${standing.summary}`,
      )
    assertNamedPost(post, standing.outcome.reminder, '催办此会签', standing)
    if (input.dueDate !== undefined && input.dueDate <= today)
      throw new InvalidInputError('REMINDER_DUE_IN_PAST', `提醒期限应晚于今日（${today}）`)
    const reminded = countersignStanding(deps.rules, document, task, events, today, {
      remindedOn: today,
      ...(input.dueDate !== undefined ? { reminderDueDate: input.dueDate } : {}),
    })
    const reminderDue = reminded?.outcome.reminderDue
    if (!reminded || !reminderDue)
      throw new InvalidInputError(
        'REMINDER_DUE_DATE_REQUIRED',
        `规则未规定提醒后的反馈期限，请确定${unit}应于何日前反馈：${standing.summary}`,
      )
    return {
      action: OVERDUE_COUNTERSIGN_ACTIONS.remind,
      opinion: input.opinion?.trim() || `催办：${unit}会签已逾期，请于 ${reminderDue} 前反馈意见`,
      ruleIds: ruleIdsOf(reminded.citations),
      details: {
        departmentId: input.departmentId,
        unit,
        dueDate: task.dueDate,
        remindedOn: today,
        reminderDueDate: reminderDue,
      },
      result: { reminderDueDate: reminderDue, summary: reminded.summary },
    }
  })
}
