import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'

/**
 * 催收: the office that issued the document (the desk that 印发 it) reminds the 主送/抄送 units
 * that have not signed for it — those only. Each reminder is counted on the unit's receipt and
 * the act names the units in the history and the audit trail.
 */
export function remindUnsignedRecipients(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string },
) {
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    assertState(document, ['issued', 'archived'], '催收')
    const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
    assertResponsible(post, desk)
    const unsigned = (await r.recipients.receiptsOf([document.id])).filter(
      (receipt) => !receipt.signedAt,
    )
    if (unsigned.length === 0)
      throw new InvalidInputError('NOTHING_TO_REMIND', '各主送、抄送单位均已签收，无需催收')
    const departmentIds = unsigned.map((receipt) => receipt.departmentId)
    await r.recipients.markReminded(document.id, departmentIds, at)
    const units = unsigned.map((receipt) => ({
      departmentId: receipt.departmentId,
      name: receipt.unitName,
    }))
    return {
      action: 'remindReceipt',
      opinion: `催收：请${units.map((unit) => unit.name).join('、')}尽快签收`,
      ruleIds: ruleIdsOf(desk.citations),
      details: { units },
      result: { reminded: units },
    }
  })
}
