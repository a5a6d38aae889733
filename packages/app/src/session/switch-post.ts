import { shanghaiDateOf } from '@zhengling/rules'
import type { Hasher } from '../audit/hasher.ts'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { recordSessionAct } from './record-session-act.ts'

/**
 * Makes the session act in another post: one the person holds today, or one those posts act for
 * today (代理). Later acts are recorded under this post.
 */
export function switchPost(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  postId: string,
): Promise<void> {
  return deps.inTransaction(async (r) => {
    const today = shanghaiDateOf(deps.now().getTime())
    // The posts of today came with the session at the edge (actorFacts); else read them.
    const held = !session.personId
      ? []
      : session.actorFacts?.on === today
        ? session.actorFacts.posts
        : await r.organisation.heldPosts(session.personId, today)
    const post = held.find((candidate) => candidate.postId === postId)
    if (!post) throw new NotPermittedError('POST_NOT_HELD', '您今天不担任、也不代理这个职务')
    await r.identity.setCurrentPost(session.id, postId)
    await recordSessionAct(r, deps, session, {
      action: 'session.switchPost',
      actorPostId: postId,
      details: { from: session.currentPostId, to: postId, acting: post.actingFor !== null },
    })
  })
}
