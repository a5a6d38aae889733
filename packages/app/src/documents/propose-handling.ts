import type { Citation } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { loadRoutingOrganisation } from '../organisation/routing-organisation.ts'
import { approvingLeaders } from './plan-incoming-document.ts'
import { openTasks } from './open-tasks.ts'

/**
 * 拟办 by the office, then 呈批 as the rulebook routes it: to the deputies whose portfolios cover
 * the units concerned (two deputies when it crosses portfolios), to the head for a major matter
 * (钟山 第三十条). The leaders routed to get a 批示 task and join the 知悉范围.
 */
export function proposeHandling(
  deps: DocumentDeps,
  session: SessionRecord,
  input: {
    documentId: string
    opinion: string
    /** Other units the matter concerns besides the sender (crossing portfolios). */
    concernedDepartmentIds?: string[]
    major?: boolean
  },
) {
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      assertState(document, ['accepted'], '拟办')
      const vetting = responsibleFor(
        deps.rules,
        document.jurisdictionId,
        'submittedDocumentVetting',
      )
      assertResponsible(post, vetting)
      const units = [
        ...new Set([
          ...(document.senderDepartmentId ? [document.senderDepartmentId] : []),
          ...(input.concernedDepartmentIds ?? []),
        ]),
      ]
      const organisation = await loadRoutingOrganisation(
        r.organisation,
        document.jurisdictionId,
        today,
      )
      // The leaders someone holds (or acts for) today; none is refused with the article.
      const { posts: leaders, responsibility: routing } = approvingLeaders(
        deps.rules,
        organisation,
        { unitIds: units, major: input.major ?? false },
      )
      await r.documents.closeTasks(document.id, { kind: 'propose' }, at, 'proposed')
      const leaderIds = leaders.map((leader) => leader.postId)
      await openTasks(r, deps.newId, document, {
        kind: 'instruct',
        postIds: leaderIds,
        dueDate: document.dueDate,
        at,
      })
      const citations: Citation[] = [...vetting.citations, ...routing.citations]
      return {
        action: 'propose',
        opinion: input.opinion,
        ruleIds: ruleIdsOf(citations),
        details: {
          routedTo: leaders.map((leader) => leader.title),
          major: input.major ?? false,
          concernedDepartmentIds: input.concernedDepartmentIds ?? [],
          routing: routing.summary,
        },
        changes: { state: 'proposed' },
        widen: { posts: leaderIds, departments: input.concernedDepartmentIds ?? [] },
        result: {
          routedTo: leaders.map((leader) => ({ postId: leader.postId, title: leader.title })),
          citations,
        },
      }
    },
  )
}
