import { shanghaiDateOf } from '@zhengling/rules'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type {
  HeldPost,
  OrganisationDirectory,
  OrganisationRepository,
} from '../organisation/organisation-repository.ts'
import type { Viewer } from './can-see.ts'

/**
 * The access facts of a signed-in post-holder on today's date: their jurisdiction, every post
 * they hold or act for, those posts' units, their clearance. Administrators read no documents
 * (三员分立), so they have no viewer.
 */
export async function viewerOfSession(
  organisation: OrganisationRepository & OrganisationDirectory,
  session: SessionRecord,
  now: Date,
): Promise<Viewer & { posts: HeldPost[]; currentPost: HeldPost | undefined }> {
  if (!session.personId)
    throw new NotPermittedError('NOT_A_POST_HOLDER', '管理员账户不处理公文（三员分立）')
  const [jurisdictionId, posts, clearance] = await Promise.all([
    organisation.jurisdictionOf(session.personId),
    organisation.heldPosts(session.personId, shanghaiDateOf(now.getTime())),
    organisation.clearanceOf(session.personId),
  ])
  if (!jurisdictionId || !clearance)
    throw new NotPermittedError('NOT_A_POST_HOLDER', '该账户不属于任何辖区的任职人员')
  return {
    jurisdictionId,
    postIds: posts.map((post) => post.postId),
    departmentIds: [
      ...new Set(posts.flatMap((post) => (post.departmentId ? [post.departmentId] : []))),
    ],
    clearance,
    posts,
    currentPost: posts.find((post) => post.postId === session.currentPostId),
  }
}
