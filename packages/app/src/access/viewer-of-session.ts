import { shanghaiDateOf } from '@zhengling/rules'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type {
  HeldPost,
  OrganisationDirectory,
  OrganisationRepository,
} from '../organisation/organisation-repository.ts'
import type { ActorFacts } from './actor-facts.ts'
import type { Viewer } from './can-see.ts'
import type { SecrecyLevel } from './secrecy.ts'

/**
 * The access facts of a signed-in post-holder on today's date: their jurisdiction, every post
 * they hold or act for, those posts' units, their clearance. Administrators read no documents
 * (三员分立), so they have no viewer. A session authenticated at the edge carries today's facts
 * (`actorFacts`, read with it in one statement); only a session without them asks the organisation.
 */
export async function viewerOfSession(
  organisation: OrganisationRepository & OrganisationDirectory,
  session: SessionRecord,
  now: Date,
): Promise<Viewer & { posts: HeldPost[]; currentPost: HeldPost | undefined }> {
  if (!session.personId)
    throw new NotPermittedError('NOT_A_POST_HOLDER', '管理员账户不处理公文（三员分立）')
  const { jurisdictionId, posts, clearance } = await actorFactsOf(
    organisation,
    session,
    session.personId,
    now,
  )
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

/** Today's facts of the session's person: those it carries, else read from the organisation. */
async function actorFactsOf(
  organisation: OrganisationRepository & OrganisationDirectory,
  session: SessionRecord,
  personId: string,
  now: Date,
): Promise<
  Pick<ActorFacts, 'posts'> & { jurisdictionId?: string | null; clearance?: SecrecyLevel | null }
> {
  const on = shanghaiDateOf(now.getTime())
  if (session.actorFacts?.on === on) return session.actorFacts
  const [jurisdictionId, posts, clearance] = await Promise.all([
    organisation.jurisdictionOf(personId),
    organisation.heldPosts(personId, on),
    organisation.clearanceOf(personId),
  ])
  return { jurisdictionId, posts, clearance }
}
