import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { ask, assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'

/**
 * 签收/登记 (条例第二十四条) by the desk the rulebook names. The processing time limit starts
 * the day of receipt: the rulebook's period for the event documentReceived (钟山: 3 working days,
 * 5 when the matter is complex and wide-ranging; 二连浩特 五十一: 10), on the working-day calendar.
 */
export function registerIncomingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; complex?: boolean },
) {
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, today, at }) => {
      assertState(document, ['submitted'], '签收')
      const registration = responsibleFor(
        deps.rules,
        document.jurisdictionId,
        'incomingRegistration',
      )
      assertResponsible(post, registration)
      const deadline = ask<{ due: string }>(deps.rules, document.jurisdictionId, 'event-deadline', {
        // Asked by the event every rulebook names the same way; a complex matter may have its own
        // period (钟山 第三十一条 最多5个工作日), selected by the rule's condition, not by a code.
        event: 'documentReceived',
        categories: input.complex ? ['complexMatter'] : [],
        at: today,
      })
      await r.documents.closeTasks(document.id, { kind: 'register' }, at, 'registered')
      await openTasks(r, deps.newId, document, {
        kind: 'screen',
        postIds: [post.postId],
        dueDate: deadline?.outcome.due ?? null,
        at,
      })
      return {
        action: 'register',
        ruleIds: ruleIdsOf([...registration.citations, ...(deadline?.citations ?? [])]),
        details: {
          dueDate: deadline?.outcome.due ?? null,
          deadline: deadline?.summary ?? '本辖区规则库未规定收文办理时限',
          warnings: deadline?.warnings ?? [],
        },
        changes: { state: 'registered', dueDate: deadline?.outcome.due ?? null },
        result: { dueDate: deadline?.outcome.due ?? null, citations: deadline?.citations ?? [] },
      }
    },
  )
}
