import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { SecrecyLevel } from './secrecy.ts'

/**
 * Who a signed-in person is on one date, read with their session in the same statement
 * (`IdentityRepository.sessionById(id, on)`): their jurisdiction, name, clearance, and the posts
 * they hold or act for that day. Resolved once per request at the edge; `viewerOfSession` and
 * `describeSession` answer from it instead of asking the organisation again.
 */
export interface ActorFacts {
  /** The Shanghai date the posts were read for: the facts hold for that day only. */
  on: string
  jurisdictionId: string | null
  jurisdictionName: string | null
  personName: string | null
  clearance: SecrecyLevel | null
  /** As `OrganisationDirectory.heldPosts` answers them: own posts in roster order, then acting. */
  posts: HeldPost[]
}
