import type { Citation } from '@zhengling/rules'
import { RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import type { OutgoingPlan } from './document.ts'
import { ask, citationsOf, postsResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { stepPosts } from './advance-review.ts'
import { openTasks } from './open-tasks.ts'
import {
  countersignStanding,
  noPeriodStanding,
  pendingRefusal,
  unitNames,
} from './countersign-standing.ts'
import { documentOffice } from './document-office.ts'
import { ACT_OPINION_MAX, checkedText } from './opinion-text.ts'

/**
 * 签发 by exactly the post the rulebook's sign-off rule names (钟府发: 区长, 第三十二条) — or the
 * post acting for it. Countersignatures still open are settled first by the rulebook's countersign
 * rule, whatever its overdue effect: deemed agreed once lapsed (钟山 第二十九条) or once the
 * reminder's period lapsed too (延津 三十), or explained in writing or circulated (二连浩特 五十一);
 * otherwise signing is refused naming what is awaited (the reply, the 催办, the 书面说明 or 通报).
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
  // 签发意见 (同意印发…): optional, bounded, no control characters.
  const opinion = checkedText(input.opinion, {
    label: '签发意见',
    code: 'OPINION',
    max: ACT_OPINION_MAX,
    multiline: true,
  })
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
      // Each 会签 still open is settled by the rulebook, or signing waits for what it names.
      const events = await r.documents.events(document.id)
      const settled: Record<'deemedNoObjection' | 'explained' | 'circulated', string[]> = {
        deemedNoObjection: [],
        explained: [],
        circulated: [],
      }
      const open = (await r.documents.openTasks(document.id)).filter(
        (t) => t.kind === 'countersign',
      )
      const names = open.length > 0 ? await unitNames(r, document.jurisdictionId, today) : null
      for (const task of open) {
        const unit = task.assigneeDepartmentId as string
        const answer = countersignStanding(deps.rules, document, task, events, today)
        const how = answer?.outcome.settled
        if (!answer || !how)
          throw pendingRefusal(
            names?.get(unit) ?? '',
            answer,
            answer
              ? undefined
              : noPeriodStanding(documentOffice(deps.rules, document.jurisdictionId)),
          )
        await r.documents.closeTasks(
          document.id,
          { kind: 'countersign', departmentIds: [unit] },
          at,
          how,
        )
        settled[how].push(unit)
        citations.push(...answer.citations)
      }
      const deemed = settled.deemedNoObjection
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
        opinion: opinion ?? '签发',
        ruleIds: ruleIdsOf(citations),
        details: {
          deemedNoObjection: deemed,
          ...(settled.explained.length > 0 ? { explainedLate: settled.explained } : {}),
          ...(settled.circulated.length > 0 ? { circulatedLate: settled.circulated } : {}),
          ...(plan.policy ? { policyStepsSignedOff: input.policySteps ?? [] } : {}),
        },
        changes: { state: 'signed' },
        widen: { posts: desks.map((candidate) => candidate.postId) },
        result: { deemedNoObjection: deemed },
      }
    },
  )
}
