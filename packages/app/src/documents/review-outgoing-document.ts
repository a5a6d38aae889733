import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { openStep } from './advance-review.ts'
import type { OutgoingPlan } from './document.ts'

/**
 * 核稿: the post at the plan's step signs off the draft (审核签字); the next step opens — once
 * every post of the step has, where the plan asks each of them (托克逊 六十四: 有关副县长会签).
 */
export function reviewOutgoingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; opinion: string },
) {
  if (!input.opinion.trim()) throw new InvalidInputError('OPINION_EMPTY', '请填写审核意见')
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      assertState(document, ['reviewing'], '核稿')
      const closed = await r.documents.closeTasks(
        document.id,
        { kind: 'review', postIds: [post.postId] },
        at,
        'reviewed',
      )
      if (closed === 0)
        throw new NotPermittedError('NOT_YOUR_STEP', `当前审核环节不是${post.title}`)
      const current = document.plan as OutgoingPlan
      if (current.steps?.[current.step]?.all) {
        const waiting = (await r.documents.openTasks(document.id)).filter(
          (task) => task.kind === 'review',
        )
        if (waiting.length > 0) {
          const titles = await Promise.all(
            waiting.map(
              async (task) =>
                (await r.organisation.post(task.assigneePostId as string, today))?.title ?? '',
            ),
          )
          return {
            action: 'review',
            opinion: input.opinion,
            ruleIds: [],
            details: { step: current.step, awaiting: titles },
            result: { next: titles },
          }
        }
      }
      // One post of the step suffices: the others' tasks for the same step close with it.
      await r.documents.closeTasks(document.id, { kind: 'review' }, at, 'reviewedByAnother')
      const plan: OutgoingPlan = {
        ...(document.plan as OutgoingPlan),
        step: (document.plan?.step ?? 0) + 1,
      }
      const next = await openStep(r, deps.newId, document, plan, { today, at })
      return {
        action: 'review',
        opinion: input.opinion,
        ruleIds: [],
        details: { step: plan.step, next: next.posts.map((p) => p.title), nextKind: next.kind },
        changes: {
          plan,
          state: next.kind === 'sign' ? 'awaitingSignature' : 'reviewing',
        },
        widen: { posts: next.posts.map((p) => p.postId) },
        result: { next: next.posts.map((p) => p.title) },
      }
    },
  )
}
