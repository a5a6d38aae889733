import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord, OutgoingPlan } from './document.ts'
import { openTasks } from './open-tasks.ts'
import { postsForStep } from './posts-for-step.ts'

/** The concrete posts the plan's rulebook post ids name for this document on the day. */
export async function planPosts(
  r: Repositories,
  document: DocumentRecord,
  plan: OutgoingPlan,
  ids: readonly string[],
  today: string,
) {
  const unitPosts = await r.organisation.unitPosts(document.jurisdictionId)
  const overseers = plan.draftingDepartmentId
    ? (await r.organisation.overseersOf(plan.draftingDepartmentId, today)).map((p) => p.postId)
    : []
  return ids.flatMap((id) =>
    postsForStep(unitPosts, id, { unitId: plan.draftingDepartmentId, overseerPostIds: overseers }),
  )
}

/**
 * Opens the task for the plan's step: the next 核稿 post, or 签发 once the chain is done.
 * Answers the posts it went to (empty when the organisation lacks them).
 */
export async function openStep(
  r: Repositories,
  newId: () => string,
  document: DocumentRecord,
  plan: OutgoingPlan,
  context: { today: string; at: string },
) {
  const reviewing = plan.step < plan.reviewChain.length
  const ids = reviewing ? [plan.reviewChain[plan.step] as string] : plan.signer
  const posts = await planPosts(r, document, plan, ids, context.today)
  await openTasks(r, newId, document, {
    kind: reviewing ? 'review' : 'sign',
    postIds: posts.map((post) => post.postId),
    dueDate: null,
    at: context.at,
  })
  return { kind: reviewing ? 'review' : 'sign', posts }
}
