import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'

/**
 * 催收: the office that issued the document (the desk that 印发 it) reminds the 主送/抄送 units
 * that have not signed for it — those only. Each reminder is counted on the unit's receipt, sent
 * to the unit as a message (消息中心), and the act names the units in the history and the audit
 * trail.
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
    // The reminder reaches each unsigned unit's people (消息中心, and their chosen channels).
    for (const departmentId of departmentIds)
      await r.notifications.notify({
        jurisdictionId: document.jurisdictionId,
        recipient: { departmentId },
        kind: 'remind',
        title: `催收：请签收《${document.title}》`,
        body: document.documentNumber ? `${document.documentNumber}已印发，本单位尚未签收。` : '',
        link: `/documents/${document.id}`,
        secrecy: document.secrecy,
        at,
        dedupeKey: `receipt-remind:${document.id}:${departmentId}:${at}`,
      })
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
