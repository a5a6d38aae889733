import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type {
  HeldPost,
  JurisdictionSummary,
  OrganisationDirectory,
  OrganisationRepository,
} from '../organisation/organisation-repository.ts'

export interface SessionDescription {
  username: string
  adminRole: string | null
  expiresAt: string
  csrfToken: string | null
  person: { id: string; name: string } | null
  jurisdiction: { id: string; name: string } | null
  posts: HeldPost[]
  /** An admin reset it or it expired: only changing the password is allowed until then. */
  mustChangePassword: boolean
  /** Null when the post acted in is no longer held (it ended since sign-in) or for administrators. */
  currentPostId: string | null
}

/** Who is signed in, in which jurisdiction, which posts they may act in today and which they act in. */
export async function describeSession(
  deps: { organisation: OrganisationRepository & OrganisationDirectory; now: () => Date },
  session: SessionRecord,
): Promise<SessionDescription> {
  const base = {
    username: session.username,
    adminRole: session.adminRole,
    expiresAt: session.expiresAt,
    csrfToken: session.csrfToken,
    mustChangePassword: session.mustChangePassword ?? false,
  }
  if (!session.personId)
    return { ...base, person: null, jurisdiction: null, posts: [], currentPostId: null }
  const { organisation } = deps
  const on = shanghaiDateOf(deps.now().getTime())
  // Read with the session at the edge (one statement); a session without them asks again.
  const facts = session.actorFacts?.on === on ? session.actorFacts : undefined
  const jurisdictionId = facts
    ? facts.jurisdictionId
    : await organisation.jurisdictionOf(session.personId)
  const [jurisdiction]: (Pick<JurisdictionSummary, 'id' | 'name'> | undefined)[] = !jurisdictionId
    ? []
    : facts?.jurisdictionName
      ? [{ id: jurisdictionId, name: facts.jurisdictionName }]
      : await organisation.jurisdictions([jurisdictionId])
  const posts = facts ? facts.posts : await organisation.heldPosts(session.personId, on)
  const personName = facts ? facts.personName : await organisation.personName(session.personId)
  return {
    ...base,
    person: { id: session.personId, name: personName ?? '' },
    jurisdiction: jurisdiction ? { id: jurisdiction.id, name: jurisdiction.name } : null,
    posts,
    currentPostId: posts.some((post) => post.postId === session.currentPostId)
      ? session.currentPostId
      : null,
  }
}
