import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'

// Heads of a unit, whatever the unit: a bureau's 局长, a township's 主任, the office's 主任.
const UNIT_HEAD_ROLES = ['departmentHead', 'townshipHead', 'officeDirector']

/**
 * The concrete posts a rulebook post id names for one document: its own role or unit role, or
 * a relation to the drafting unit — the unit's head (涉及部门/主办部门主要负责人), the deputies
 * overseeing it (分管副职), the deputies overseeing the countersigning units whose work it
 * crosses (有关副县长), the office's deputy directors (办公室相关副主任).
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
      return posts.filter(
        (post) => post.departmentId === relations.unitId && UNIT_HEAD_ROLES.includes(post.role),
      )
    case 'portfolioDeputyOfficeDirector':
      return posts.filter((post) => post.role === 'deputyOfficeDirector')
    default:
      return posts.filter((post) =>
        matchesRulebookPost(post, rulebookPost, { overseerPostIds: relations.overseerPostIds }),
      )
  }
}
