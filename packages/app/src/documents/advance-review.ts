import type { HeldPost } from '../organisation/organisation-repository.ts'
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
  const { overseers, involved } = await portfolioRelations(
    r,
    plan.draftingDepartmentId,
    plan.countersignDepartmentIds,
    today,
  )
  return ids.flatMap((id) =>
    postsForStep(unitPosts, id, {
      unitId: plan.draftingDepartmentId,
      overseerPostIds: overseers,
      involvedOverseerPostIds: involved,
    }),
  )
}

/**
 * The posts a step of the plan goes to: as resolved at drafting (each held or acted for that
 * day, ADR 0010), or — for plans made before — resolved now from the rulebook post ids.
 */
export async function stepPosts(
  r: Repositories,
  document: DocumentRecord,
  plan: OutgoingPlan,
  step: number | 'sign',
  today: string,
): Promise<HeldPost[]> {
  const resolved = step === 'sign' ? plan.signing : plan.steps?.[step]
  if (resolved) {
    const posts = await r.organisation.unitPosts(document.jurisdictionId)
    return posts.filter((post) => resolved.postIds.includes(post.postId))
  }
  const ids = step === 'sign' ? plan.signer : [plan.reviewChain[step] as string]
  return planPosts(r, document, plan, ids, today)
}

/**
 * The deputies overseeing the drafting unit (分管), and those overseeing countersigning units
 * but not the drafting unit (有关副职): a draft with any of the latter crosses portfolios.
 */
export async function portfolioRelations(
  r: Pick<Repositories, 'organisation'>,
  draftingDepartmentId: string | null,
  countersignDepartmentIds: readonly string[],
  today: string,
): Promise<{ overseers: string[]; involved: string[] }> {
  const overseersOf = async (unit: string) =>
    (await r.organisation.overseersOf(unit, today)).map((p) => p.postId)
  const overseers = draftingDepartmentId ? await overseersOf(draftingDepartmentId) : []
  const involved = new Set<string>()
  for (const unit of countersignDepartmentIds)
    for (const postId of await overseersOf(unit))
      if (!overseers.includes(postId)) involved.add(postId)
  return { overseers, involved: [...involved] }
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
  const posts = await stepPosts(r, document, plan, reviewing ? plan.step : 'sign', context.today)
  await openTasks(r, newId, document, {
    kind: reviewing ? 'review' : 'sign',
    postIds: posts.map((post) => post.postId),
    dueDate: null,
    at: context.at,
  })
  return { kind: reviewing ? 'review' : 'sign', posts }
}
