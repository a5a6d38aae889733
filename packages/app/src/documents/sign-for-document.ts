import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'
import { RECEIPT_TASK } from './deliver-to-recipients.ts'

/**
 * 签收: someone of a 主送/抄送 unit, in a post of that unit, signs for the issued document the
 * unit received at 印发. The time, the person and the post are recorded on the unit's receipt,
 * the issuing office sees them, and the unit's 签收 task closes.
 */
export function signForDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string },
) {
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    const unit = post.departmentId
    const receipt = unit
      ? (await r.recipients.receiptsOf([document.id])).find(
          (candidate) => candidate.departmentId === unit,
        )
      : undefined
    if (!unit || !receipt)
      throw new NotPermittedError(
        'NOT_A_RECIPIENT',
        `${post.title}所在单位不是此件的主送或抄送单位，无需签收`,
      )
    if (receipt.signedAt)
      throw new NotPermittedError(
        'ALREADY_SIGNED_FOR',
        `${receipt.unitName}已由${receipt.signedBy?.name ?? ''}（${receipt.signedBy?.title ?? ''}）签收`,
      )
    await r.recipients.markSigned(document.id, unit, {
      at,
      personId: session.personId as string,
      postId: post.postId,
    })
    await r.documents.closeTasks(
      document.id,
      { kind: RECEIPT_TASK, departmentIds: [unit] },
      at,
      'signed',
    )
    return {
      action: 'receive',
      ruleIds: [],
      details: { departmentId: unit, unit: receipt.unitName, role: receipt.role },
      result: { departmentId: unit, unit: receipt.unitName, signedAt: at },
    }
  })
}
