import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import type { DocumentRecord } from './document.ts'
import { ask, assertResponsible, responsibleFor, ruleIdsOf, statedCodes } from './document-rules.ts'
import { categoriesSaid } from './incoming-categories.ts'
import { openTasks } from './open-tasks.ts'
import { assignReceiptNumber } from './receipt-number.ts'
import { searchTextOf } from './search-text.ts'

/**
 * 签收/登记 (条例第二十四条) by the desk the rulebook names: the document gets its 收文编号 and
 * goes to 初审. The processing time limit starts the day of receipt: the rulebook's period for
 * the event documentReceived (钟山: 3 working days, 5 when the matter is complex and wide-ranging;
 * 二连浩特 五十一: 10), on the working-day calendar.
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
      const registration = await registerReceipt(r, deps, {
        document,
        post,
        today,
        receivedOn: today,
        complex: input.complex ?? false,
        at,
      })
      await r.documents.closeTasks(document.id, { kind: 'register' }, at, 'registered')
      return {
        action: 'register',
        ruleIds: registration.ruleIds,
        details: {
          ...registration.details,
          ...(input.normativeDocument === undefined
            ? {}
            : { categories: categoriesSaid(input.normativeDocument) }),
        },
        changes: {
          state: 'registered',
          dueDate: registration.dueDate,
          receiptNumber: registration.receiptNumber,
        },
        result: {
          dueDate: registration.dueDate,
          receiptNumber: registration.receiptNumber,
          citations: registration.citations,
        },
      }
    },
  )
}

/**
 * What 签收登记 does to any incoming document, whether a unit submitted it or the desk registers
 * one received from outside (receive-external-document.ts): checks the post is the desk the
 * rulebook names, gives the next 收文编号 (in the caller's transaction), sets the processing time
 * limit from the day of receipt, and opens the desk's 初审 task.
 */
export async function registerReceipt(
  r: Repositories,
  deps: Pick<DocumentDeps, 'rules' | 'newId'>,
  step: {
    document: DocumentRecord
    post: HeldPost
    /** The day of registration: the 收文编号's year. */
    today: string
    /** The day the office received it: the processing time limit runs from it. */
    receivedOn: string
    complex: boolean
    at: string
  },
) {
  const { document, post } = step
  const registration = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
  assertResponsible(post, registration)
  // A complex matter may have its own period (钟山 第三十一条 最多5个工作日), selected by the
  // rule's condition, not by a code — stated where the rulebook's periods for the event name it.
  const categories = step.complex
    ? statedCodes(
        deps.rules,
        document.jurisdictionId,
        step.today,
        {
          decision: 'event-deadline',
          input: { event: 'documentReceived', at: step.receivedOn },
          field: 'categories',
        },
        ['complexMatter'],
      )
    : []
  const deadline = ask<{ due: string }>(deps.rules, document.jurisdictionId, 'event-deadline', {
    // Asked by the event every rulebook names the same way.
    event: 'documentReceived',
    categories,
    at: step.receivedOn,
  })
  const receiptNumber = await assignReceiptNumber(r, document.jurisdictionId, step.today)
  // Found by its 收文编号 as by its title.
  await r.bodyVersions.reindex(document.id, searchTextOf({ ...document, receiptNumber }))
  const dueDate = deadline?.outcome.due ?? null
  await openTasks(r, deps.newId, document, {
    kind: 'screen',
    postIds: [post.postId],
    dueDate,
    at: step.at,
  })
  return {
    receiptNumber,
    dueDate,
    citations: deadline?.citations ?? [],
    ruleIds: ruleIdsOf([...registration.citations, ...(deadline?.citations ?? [])]),
    details: {
      receiptNumber,
      dueDate,
      deadline: deadline?.summary ?? '本辖区规则库未规定收文办理时限',
      warnings: deadline?.warnings ?? [],
    },
  }
}
