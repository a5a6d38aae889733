import { shanghaiDateOf } from '@zhengling/rules'
import type { DocumentRecord } from '../documents/document.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { SupervisionDeps } from './act-on-supervision-item.ts'
import { dueBySource, openSupervisionItem } from './open-supervision-item.ts'
import type { SupervisionItem } from './supervision-item.ts'

/**
 * A leader's 批示 on an incoming document, once referred to its handling units, enters the
 * supervision ledger by itself where the rulebook gives instructions a period (木里 第八十一条（二）
 * 领导批办件一般要在15天内办结反馈), counted from the instruction. Where it gives none, the referral's
 * own time limit follows the document and nothing is added to the ledger.
 */
export async function superviseLeaderInstruction(
  r: Repositories,
  deps: Pick<SupervisionDeps, 'rules' | 'newId' | 'hasher'>,
  referral: {
    document: DocumentRecord
    departmentIds: string[]
    actor: { personId: string | null; postId: string }
    at: string
  },
): Promise<SupervisionItem | null> {
  const { document } = referral
  const instructions = (await r.documents.events(document.id)).filter(
    (event) => event.action === 'instruct',
  )
  const last = instructions.at(-1)
  if (!last) return null
  const instructedOn = shanghaiDateOf(Date.parse(last.occurredAt))
  if (!dueBySource(deps.rules, document.jurisdictionId, 'leaderInstruction', instructedOn))
    return null
  const [lead, ...co] = referral.departmentIds
  if (!lead) return null
  return openSupervisionItem(r, deps, {
    jurisdictionId: document.jurisdictionId,
    source: 'leaderInstruction',
    title: document.title,
    requirement: instructions
      .map((event) => event.opinion ?? '')
      .filter(Boolean)
      .join('；'),
    leadDepartmentId: lead,
    coDepartmentIds: co,
    assignedOn: instructedOn,
    documentId: document.id,
    secrecy: document.secrecy,
    extraPosts: instructions.flatMap((event) => (event.actorPostId ? [event.actorPostId] : [])),
    actor: referral.actor,
    at: referral.at,
  })
}
