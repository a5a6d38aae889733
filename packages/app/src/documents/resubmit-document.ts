import type { Citation } from '@zhengling/rules'
import { RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'
import { openStep } from './advance-review.ts'
import type { DocumentEvent, OutgoingPlan } from './document.ts'
import { resubmitRefusal } from './document-exits.ts'
import { ask, ruleIdsOf } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'
import { signOffCitations } from './return-document-for-revision.ts'

/**
 * 重新送审: the drafting post sends a withdrawn or returned draft (revised with 修改正文, or
 * not) into its sign-off chain again. The chain restarts at its first 核稿 step, as the plan
 * fixed at 拟稿 by the sign-off rule says: each level reviews the text it answers for. Units whose
 * 会签 is not an agreement (they disagreed, or had not replied) are asked again, with a new
 * reply period from the rulebook.
 */
export function resubmitDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; note?: string },
) {
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      const [events, tasks] = await Promise.all([
        r.documents.events(document.id),
        r.documents.openTasks(document.id),
      ])
      const refusal = resubmitRefusal({ document, events, tasks, post })
      if (refusal) throw refusal
      const citations: Citation[] = signOffCitations(deps.rules, document, events, today)
      await r.documents.closeTasks(document.id, { kind: 'redraft' }, at, 'resubmitted')
      const plan: OutgoingPlan = { ...(document.plan as OutgoingPlan), step: 0 }
      const next = await openStep(r, deps.newId, document, plan, { today, at })
      if (next.posts.length === 0)
        throw new RuleRefusedError(
          'NO_REVIEWER',
          `按规则应由${(plan.reviewChain[0] ? [plan.reviewChain[0]] : plan.signer).join('、')}审核，但本辖区没有对应的任职职务`,
          citations,
        )
      const again = plan.countersignDepartmentIds.filter((unit) => !agreedUnits(events).has(unit))
      let countersignDue: string | null = null
      if (again.length > 0) {
        const deadline = ask<{ due: string }>(
          deps.rules,
          document.jurisdictionId,
          'countersign-deadline',
          { requestedOn: today },
        )
        countersignDue = deadline?.outcome.due ?? null
        citations.push(...(deadline?.citations ?? []))
        await openTasks(r, deps.newId, document, {
          kind: 'countersign',
          departmentIds: again,
          dueDate: countersignDue,
          at,
        })
      }
      return {
        action: 'resubmit',
        opinion: input.note?.trim() || null,
        ruleIds: ruleIdsOf(citations),
        details: {
          next: next.posts.map((p) => p.title),
          nextKind: next.kind,
          countersignAgain: again,
          countersignDue,
        },
        changes: { plan, state: next.kind === 'sign' ? 'awaitingSignature' : 'reviewing' },
        widen: { posts: next.posts.map((p) => p.postId) },
        result: { next: next.posts.map((p) => p.title) },
      }
    },
  )
}

/** Units whose last 会签 reply is an agreement: their countersignature stands. */
function agreedUnits(events: readonly DocumentEvent[]): Set<string> {
  const last = new Map<string, string>()
  for (const event of events) {
    const unit = event.details.departmentId
    if (typeof unit === 'string' && ['countersign', 'countersignDisagree'].includes(event.action))
      last.set(unit, event.action)
  }
  return new Set([...last].filter(([, action]) => action === 'countersign').map(([unit]) => unit))
}
