import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { ask, assertResponsible, responsibleFor, ruleIdsOf, statedCodes } from './document-rules.ts'
import { categoriesSaid } from './incoming-categories.ts'
import { openTasks } from './open-tasks.ts'

/**
 * 签收/登记 (条例第二十四条) by the desk the rulebook names. The processing time limit starts
 * the day of receipt: the rulebook's period for the event documentReceived (钟山: 3 working days,
 * 5 when the matter is complex and wide-ranging; 二连浩特 五十一: 10), on the working-day calendar.
 */
export function registerIncomingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  /** normativeDocument: the registrar confirms or corrects what the unit said (unset: as said). */
  input: { documentId: string; complex?: boolean; normativeDocument?: boolean },
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
      // A complex matter may have its own period (钟山 第三十一条 最多5个工作日), selected by the
      // rule's condition, not by a code — stated where the rulebook's periods for the event name it.
      const categories = input.complex
        ? statedCodes(
            deps.rules,
            document.jurisdictionId,
            today,
            {
              decision: 'event-deadline',
              input: { event: 'documentReceived', at: today },
              field: 'categories',
            },
            ['complexMatter'],
          )
        : []
      const deadline = ask<{ due: string }>(deps.rules, document.jurisdictionId, 'event-deadline', {
        // Asked by the event every rulebook names the same way.
        event: 'documentReceived',
        categories,
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
          ...(input.normativeDocument === undefined
            ? {}
            : { categories: categoriesSaid(input.normativeDocument) }),
        },
        changes: { state: 'registered', dueDate: deadline?.outcome.due ?? null },
        result: { dueDate: deadline?.outcome.due ?? null, citations: deadline?.citations ?? [] },
      }
    },
  )
}
