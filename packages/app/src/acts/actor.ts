import type { Viewer } from '../access/can-see.ts'
import { viewerOfSession } from '../access/viewer-of-session.ts'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * The signed-in post-holder as resolved once per request (issue 14; STYLE.md "One act, end to
 * end"): their access facts (jurisdiction, every post held or acted for today, those posts'
 * units, clearance), the posts themselves and the post they act in now, resolved once per
 * request (the edge reads the session with today's facts in one statement) and reused.
 */
export interface Actor extends Viewer {
  /** The person (administrators have no actor: 三员分立). */
  personId: string
  /** Posts held or acted for today (an acting assignment carries `actingFor`). */
  posts: HeldPost[]
  /** The post the person acts in (the session's current post), if it is among `posts`. */
  currentPost: HeldPost | undefined
}

/** An actor acting: the post they act in, which an act needs. */
export type ActingActor = Actor & { currentPost: HeldPost }

/**
 * The actor of a session on `now`'s date: no statement when the session carries today's facts
 * (read with it at the edge, in one statement), else read from the organisation.
 */
export async function actorOfSession(
  r: Pick<Repositories, 'organisation'>,
  session: SessionRecord,
  now: Date,
): Promise<Actor> {
  const viewer = await viewerOfSession(r.organisation, session, now)
  return { ...viewer, personId: session.personId as string }
}

/** Refuses to act without a current post (the page asks which post to act in). */
export function actingIn(actor: Actor): ActingActor {
  if (!actor.currentPost)
    throw new NotPermittedError('NO_CURRENT_POST', '请先在页面顶部选择以哪个职务办理')
  return actor as ActingActor
}
