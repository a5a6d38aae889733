import type { Citation } from '@zhengling/rules'
import { RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import type { OutgoingPlan } from './document.ts'
import { ask, citationsOf, postsResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { stepPosts } from './advance-review.ts'
import { openTasks } from './open-tasks.ts'

type CountersignAnswer = { due: string; status: string; consequence: string | null }

/**
 * 签发 by exactly the post the rulebook's sign-off rule names (钟府发: 区长, 第三十二条) — or the
 * post acting for it. Countersignatures still open are settled first by the rulebook: overdue
 * and "逾期视为无不同意见" closes them as deemed agreed; otherwise signing waits, with the date.
 */
export function signOutgoingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: {
    documentId: string
    opinion?: string
    /** For a policy document, the 政策解读 steps the signer signs off with it (同步审签). */
    policySteps?: string[]
  },
) {
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      assertState(document, ['awaitingSignature'], '签发')
      const plan = document.plan as OutgoingPlan
      const draftRuleIds =
        (await r.documents.events(document.id)).find((e) => e.action === 'draft')?.ruleIds ?? []
      const signoffCitations = citationsOf(
        deps.rules,
        document.jurisdictionId,
        draftRuleIds,
        today,
      ).filter((citation) => !citation.ruleId.startsWith('national.'))
      // The signer as 核稿 resolved it: a role, or a relation such as 分管副区长 of the drafting unit.
      const signers = await stepPosts(r, document, plan, 'sign', today)
      if (!signers.some((signer) => signer.postId === post.postId))
        throw new RuleRefusedError(
          'SIGNER_NOT_AUTHORISED',
          `${post.title}无权签发此件：${plan.summary}`,
          signoffCitations,
        )
      const citations: Citation[] = [...signoffCitations]
      if (plan.policy && plan.policy.steps.length > 0) {
        const procedure = ask<{ complete: boolean }>(
          deps.rules,
          document.jurisdictionId,
          'procedure-check',
          { matter: 'policyDocument', completed: input.policySteps ?? [] },
        )
        if (procedure && !procedure.outcome.complete)
          throw new RuleRefusedError(
            'POLICY_INTERPRETATION_NOT_SIGNED',
            `政策解读须与文件同步审签：${procedure.summary}`,
            procedure.citations,
          )
        citations.push(...(procedure?.citations ?? []))
      }
      const deemed: string[] = []
      for (const task of (await r.documents.openTasks(document.id)).filter(
        (t) => t.kind === 'countersign',
      )) {
        const answer = ask<CountersignAnswer>(
          deps.rules,
          document.jurisdictionId,
          'countersign-deadline',
          {
            requestedOn: task.openedAt.slice(0, 10),
            today,
          },
        )
        if (answer?.outcome.consequence === 'deemedNoObjection') {
          await r.documents.closeTasks(
            document.id,
            { kind: 'countersign', departmentIds: [task.assigneeDepartmentId as string] },
            at,
            'deemedNoObjection',
          )
          deemed.push(task.assigneeDepartmentId as string)
          citations.push(...answer.citations)
          continue
        }
        throw new RuleRefusedError(
          'COUNTERSIGN_PENDING',
          `会签尚未回复，不能签发：${answer?.summary ?? '规则库未规定会签回复时限'}`,
          answer?.citations ?? [],
        )
      }
      await r.documents.closeTasks(document.id, { kind: 'sign' }, at, 'signed')
      const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
      const desks = await postsResponsible(r, document.jurisdictionId, desk)
      await openTasks(r, deps.newId, document, {
        kind: 'number',
        postIds: desks.map((candidate) => candidate.postId),
        dueDate: null,
        at,
      })
      return {
        action: 'sign',
        opinion: input.opinion ?? '签发',
        ruleIds: ruleIdsOf(citations),
        details: {
          deemedNoObjection: deemed,
          ...(plan.policy ? { policyStepsSignedOff: input.policySteps ?? [] } : {}),
        },
        changes: { state: 'signed' },
        widen: { posts: desks.map((candidate) => candidate.postId) },
        result: { deemedNoObjection: deemed },
      }
    },
  )
}
