import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'
import { closeOpenTasks } from './close-open-tasks.ts'
import { requiredText, voidRefusal } from './document-exits.ts'
import { assertOfficePost, documentOffice } from './document-office.ts'
import { ruleIdsOf } from './document-rules.ts'

/**
 * 作废: the office in charge of document handling (条例第五条, as the rulebook names it) voids a
 * document that will not go on, with its reason (required). Every open task, 待阅 included,
 * closes. A document with its 发文字号 cannot be voided (DOCUMENT_NUMBERED): the number is
 * taken, gapless, and stays in the register.
 */
export function voidDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; reason: string },
) {
  const reason = requiredText(input.reason, 'REASON_REQUIRED', '作废公文须写明理由')
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    const office = documentOffice(deps.rules, document.jurisdictionId)
    assertOfficePost(post, office, '作废公文')
    const tasks = await r.documents.openTasks(document.id)
    const refusal = voidRefusal({ document, events: [], tasks })
    if (refusal) throw refusal
    const closed = await closeOpenTasks(r, document.id, tasks, {
      at,
      outcome: 'voided',
      includeReads: true,
    })
    return {
      action: 'void',
      opinion: reason,
      ruleIds: ruleIdsOf(office.citations),
      details: { previousState: document.state, closedTasks: closed.map((task) => task.kind) },
      changes: { state: 'voided', dueDate: null },
      result: { state: 'voided' },
    }
  })
}
