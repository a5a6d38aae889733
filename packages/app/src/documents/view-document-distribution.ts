import { shanghaiDateOf } from '@zhengling/rules'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'
import { paperRecipients } from './deliver-to-recipients.ts'
import { responsibleFor } from './document-rules.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import { recipientOptionsOf } from './recipients.ts'

/**
 * 分发情况 of an outgoing document: per internal 主送/抄送 unit when it was delivered, when and by
 * whom it was signed for, how often reminded, and whether anyone holds a post of the unit today
 * (an unstaffed unit's copy waits for whoever takes the post up); the outside recipients for paper;
 * and what the viewer's post may do (签收 for its unit, 催收 for the issuing office). An incoming
 * document has none: its lists are empty.
 */
export async function viewDocumentDistribution(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  documentId: string,
) {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  const document = await r.documents.visible(viewer, documentId)
  if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  const today = shanghaiDateOf(now.getTime())
  const [entries, receipts, options] = await Promise.all([
    r.recipients.entriesOf(document.id),
    r.recipients.receiptsOf([document.id]),
    recipientOptionsOf(r, document.jurisdictionId, today),
  ])
  const staffed = new Set(options.units.filter((unit) => unit.staffed).map((unit) => unit.id))
  const unsigned = receipts.filter((receipt) => !receipt.signedAt)
  const issued = document.state === 'issued' || document.state === 'archived'
  const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
  return {
    /** Whether 印发 has delivered it (receipts exist from then on). */
    issued,
    receipts: receipts.map(({ documentId: _documentId, ...receipt }) => ({
      ...receipt,
      staffed: staffed.has(receipt.departmentId),
    })),
    paper: issued || entries.length > 0 ? paperRecipients(document, entries) : [],
    signed: receipts.length - unsigned.length,
    unsigned: unsigned.length,
    may: {
      signFor: unsigned.some((receipt) => receipt.departmentId === post.departmentId),
      remind:
        issued &&
        unsigned.length > 0 &&
        desk.rulebookPosts.some((id) => matchesRulebookPost(post, id)),
    },
  }
}
