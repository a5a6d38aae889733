import { matchesRulebookPost } from './matches-rulebook-post.ts'
import type { HeldPost } from './organisation-repository.ts'

/** The rulebook post of the government office (办公室/办公厅), the unit the rules name. */
export const GOVERNMENT_OFFICE = 'governmentOffice'

/**
 * Whether a post is in the government office: it keeps the leaders' whereabouts (请销假) and
 * reviews requests made in the government's name (会议活动申请, 因公出国(境) follow-ups).
 */
export function isGovernmentOfficePost(
  post: Pick<HeldPost, 'postId' | 'role' | 'unitRulebookPost'>,
): boolean {
  return matchesRulebookPost(post, GOVERNMENT_OFFICE)
}
