import type { Citation } from '@zhengling/rules'
import { ask } from '../documents/document-rules.ts'
import { NotPermittedError } from '../errors.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'

/**
 * The supervision office (督查室, 县委县政府目督办) holds the rulebook post `supervisionOffice` in
 * the roster; where the rulebook makes the government office keep the ledger (木里 第八十一条（一）),
 * that office may enter items too. Closing reviews and extensions stay with the supervision office.
 */
export function isSupervisionOffice(post: HeldPost): boolean {
  return matchesRulebookPost(post, 'supervisionOffice')
}

/** Posts that may enter items in the ledger: the supervision office, and the ledger office the rulebook names. */
export function ledgerKeepers(
  rules: RulesPort,
  jurisdictionId: string,
): { posts: string[]; citations: Citation[] } {
  const answer = ask<{ posts: string[] }>(rules, jurisdictionId, 'responsible-posts', {
    matter: 'supervisionLedger',
  })
  return {
    posts: ['supervisionOffice', ...(answer?.outcome.posts ?? [])],
    citations: answer?.citations ?? [],
  }
}

export function assertSupervisionOffice(post: HeldPost, what: string): void {
  if (!isSupervisionOffice(post))
    throw new NotPermittedError('NOT_SUPERVISION_OFFICE', `${post.title}不是督查部门，不能${what}`)
}

/** Whether the post belongs to the item's lead unit (牵头单位) — or, for `co`, a co-unit. */
export function isOfItemUnit(
  post: HeldPost,
  item: { leadDepartmentId: string; coDepartmentIds: string[] },
  co = false,
): boolean {
  if (!post.departmentId) return false
  return (
    post.departmentId === item.leadDepartmentId ||
    (co && item.coDepartmentIds.includes(post.departmentId))
  )
}
