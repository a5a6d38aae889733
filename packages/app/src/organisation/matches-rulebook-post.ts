import type { HeldPost } from './organisation-repository.ts'

/**
 * Whether a concrete post is what a rule names by a rulebook post id: the post's own role
 * (principal, secretariat…), its unit's role when the rule names a unit (governmentOffice), or a
 * relation to the matter — 分管副职 (portfolioDeputy) are the posts overseeing its unit.
 */
export function matchesRulebookPost(
  post: Pick<HeldPost, 'postId' | 'role' | 'unitRulebookPost'>,
  rulebookPost: string,
  relations: { overseerPostIds?: readonly string[] } = {},
): boolean {
  if (post.role === rulebookPost || post.unitRulebookPost === rulebookPost) return true
  if (rulebookPost === 'portfolioDeputy')
    return relations.overseerPostIds?.includes(post.postId) ?? false
  // 分管副主任: which deputy director of the office takes which work is the office's own
  // division, not in the roster; any of them may act.
  if (rulebookPost === 'portfolioDeputyOfficeDirector') return post.role === 'deputyOfficeDirector'
  return false
}
