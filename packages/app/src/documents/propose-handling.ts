import type { Citation } from '@zhengling/rules'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { assertResponsible, postsResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
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
      const overseers = new Set<string>()
      for (const unit of units)
        for (const overseer of await r.organisation.overseersOf(unit, today))
          overseers.add(overseer.postId)
      const routing = responsibleFor(
        deps.rules,
        document.jurisdictionId,
        input.major ? 'majorMatterForApproval' : 'documentForApproval',
        // The leaders who approve, not the office that submits it to them (呈批).
        'approves',
      )
      const leaders = await postsResponsible(r, document.jurisdictionId, routing, {
        overseerPostIds: [...overseers],
      })
      if (leaders.length === 0)
        throw new InvalidInputError(
          'NO_LEADER_TO_ROUTE',
          `按规则应呈${routing.summary}，但本辖区没有对应的任职职务（请核对分管关系）`,
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
