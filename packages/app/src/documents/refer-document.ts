import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'
import { loadRoutingOrganisation } from '../organisation/routing-organisation.ts'
import { assertUnitsStaffed } from './plan-incoming-document.ts'
import { superviseLeaderInstruction } from '../supervision/supervise-leader-instruction.ts'

/**
 * 转办 after the leaders' 批示: the desk sends the document to the handling units (the first
 * leads, 主办) with a due date — the instruction's, or the processing limit still running.
 */
export function referDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; departmentIds: string[]; dueDate?: string; note?: string },
) {
  if (input.departmentIds.length === 0)
    throw new InvalidInputError('NO_HANDLING_UNIT', '请至少选择一个承办单位')
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      assertState(document, ['instructed'], '转办')
      const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
      assertResponsible(post, desk)
      // A unit nobody there can act for would hold the 承办 forever: refused now.
      assertUnitsStaffed(
        await loadRoutingOrganisation(r.organisation, document.jurisdictionId, today),
        input.departmentIds,
        '承办',
        desk.citations,
      )
      const dueDate = input.dueDate ?? document.dueDate
      if (dueDate && dueDate < today)
        throw new InvalidInputError('DUE_DATE_PASSED', `办理期限 ${dueDate} 已过，请重新确定期限`)
      await r.documents.closeTasks(document.id, { kind: 'refer' }, at, 'referred')
      await openTasks(r, deps.newId, document, {
        kind: 'handle',
        departmentIds: input.departmentIds,
        dueDate,
        at,
      })
      // 批办件 enter the supervision ledger where the rulebook gives them a period.
      const supervised = await superviseLeaderInstruction(r, deps, {
        document,
        departmentIds: input.departmentIds,
        actor: { personId: session.personId, postId: post.postId },
        at,
      })
      return {
        action: 'refer',
        opinion: input.note ?? null,
        ruleIds: ruleIdsOf(desk.citations),
        details: {
          departmentIds: input.departmentIds,
          leadDepartmentId: input.departmentIds[0],
          dueDate,
          supervisionItemId: supervised?.id ?? null,
        },
        changes: { state: 'referred', dueDate },
        widen: { departments: input.departmentIds },
        result: { dueDate },
      }
    },
  )
}
