import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import { RuleRefusedError } from '../errors.ts'
import { type Responsibility, responsibleFor } from './document-rules.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'

/**
 * The office in charge of the government's document handling: who keeps the 收发文登记簿 and
 * circulates documents (传阅), as the rulebook names it (条例第五条: the office and its desk).
 */
export function documentOffice(rules: RulesPort, jurisdictionId: string): Responsibility {
  return responsibleFor(rules, jurisdictionId, 'documentHandlingOffice')
}

/** Whether the post is one the rulebook puts in charge of document handling. */
export function isOfficePost(post: HeldPost, office: Responsibility): boolean {
  return office.rulebookPosts.some((id) => matchesRulebookPost(post, id))
}

/** Refuses, with the articles, a post that is not the office's: `what` says what it may not do. */
export function assertOfficePost(post: HeldPost, office: Responsibility, what: string): void {
  if (isOfficePost(post, office)) return
  throw new RuleRefusedError(
    'NOT_RESPONSIBLE',
    `${post.title}无权${what}。${office.summary}`,
    office.citations,
  )
}
