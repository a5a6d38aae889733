import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'

/**
 * The concrete posts a rulebook post id names for one document: its own role or unit role, or
 * a relation to the drafting unit — the unit's head (涉及部门/主办部门主要负责人), the deputies
 * overseeing it (分管副职), the deputies overseeing the countersigning units whose work it
 * crosses (有关副县长); the office's deputy directors (办公室相关副主任) as `matchesRulebookPost` reads them.
 */
export function postsForStep(
  posts: readonly HeldPost[],
  rulebookPost: string,
  relations: {
    unitId: string | null
    overseerPostIds: readonly string[]
    involvedOverseerPostIds?: readonly string[]
  },
): HeldPost[] {
  switch (rulebookPost) {
    case 'involvedDeputy':
      return posts.filter((post) => relations.involvedOverseerPostIds?.includes(post.postId))
    case 'involvedDepartmentHead':
    case 'leadDepartmentHead':
      return posts.filter((post) => post.departmentId === relations.unitId && post.headsUnit)
    default:
      return posts.filter((post) =>
        matchesRulebookPost(post, rulebookPost, { overseerPostIds: relations.overseerPostIds }),
      )
  }
}
