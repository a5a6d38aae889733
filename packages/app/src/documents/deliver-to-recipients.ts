import { shanghaiDateOf } from '@zhengling/rules'
import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'
import type { RecipientEntry, RecipientRole } from './recipient-repository.ts'
import { recipientOptionsOf, unitsToDeliver } from './recipients.ts'

/** The task kind of a unit's 签收 of an issued document. */
export const RECEIPT_TASK = 'receipt'

/**
 * 印发's delivery: each internal 主送/抄送 unit (every unit of a group, as the organisation stands
 * that day) but the drafting unit gets a 签收 task addressed to the unit — whoever holds a post of
 * it sees it in 待办 — and a receipt recording when it was delivered. Outside recipients are returned for paper.
 */
export async function deliverToRecipients(
  r: Repositories,
  deps: { newId: () => string },
  document: DocumentRecord,
  at: string,
) {
  const when = { at, today: shanghaiDateOf(Date.parse(at)) }
  const [entries, options] = await Promise.all([
    r.recipients.entriesOf(document.id),
    recipientOptionsOf(r, document.jurisdictionId, when.today),
  ])
  const units = new Map(options.units.map((unit) => [unit.id, unit]))
  // The drafting unit has the document already (and reads it as issued): a group it belongs to
  // does not send it a copy to sign for.
  const receipts = unitsToDeliver(entries, options)
    .filter((unit) => unit.departmentId !== document.senderDepartmentId)
    .map((unit) => ({
      ...unit,
      taskId: deps.newId(),
      deliveredAt: when.at,
    }))
  for (const receipt of receipts)
    await r.documents.openTask({
      id: receipt.taskId,
      documentId: document.id,
      jurisdictionId: document.jurisdictionId,
      assigneePostId: null,
      assigneeDepartmentId: receipt.departmentId,
      kind: RECEIPT_TASK,
      dueDate: null,
      openedAt: when.at,
      closedAt: null,
      outcome: null,
    })
  await r.recipients.insertReceipts(document.id, receipts)
  return {
    delivered: receipts.map((receipt) => ({
      departmentId: receipt.departmentId,
      role: receipt.role,
      name: units.get(receipt.departmentId)?.name ?? '',
      staffed: units.get(receipt.departmentId)?.staffed ?? false,
    })),
    paper: paperRecipients(document, entries),
  }
}

/**
 * Outside recipients, dispatched on paper. A document drafted before recipients were chosen from
 * the organisation has only its lines as written: all of them are paper.
 */
export function paperRecipients(
  document: Pick<DocumentRecord, 'mainRecipients' | 'copyRecipients'>,
  entries: readonly RecipientEntry[],
): { role: RecipientRole; name: string }[] {
  if (entries.length === 0)
    return [
      ...document.mainRecipients.map((name) => ({ role: 'main' as const, name })),
      ...document.copyRecipients.map((name) => ({ role: 'copy' as const, name })),
    ]
  return entries.flatMap((entry) =>
    entry.outsideName ? [{ role: entry.role, name: entry.outsideName }] : [],
  )
}
