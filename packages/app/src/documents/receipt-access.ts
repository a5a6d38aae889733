import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'
import { responsibleFor } from './document-rules.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'

/**
 * Whether the current post may register 来文 (and 签收登记): the desk the rulebook names for
 * incoming registration, asked by role. The 登记来文 page and menu follow it; the act checks again.
 */
export async function receiptAccess(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
) {
  const { viewer, post } = await actorOf(r, session, deps.now())
  const desk = responsibleFor(deps.rules, viewer.jurisdictionId, 'incomingRegistration')
  return {
    allowed: desk.rulebookPosts.some((id) => matchesRulebookPost(post, id)),
    summary: desk.summary,
    citations: desk.citations,
  }
}
