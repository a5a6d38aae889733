import type { Citation } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import {
  type ActContext,
  type ActOutcome,
  actOnDocument,
  type DocumentDeps,
} from './act-on-document.ts'
import { closeOpenTasks, openRedraftTask } from './close-open-tasks.ts'
import type { DocumentEvent, DocumentRecord } from './document.ts'
import { requiredText, returnRefusal, returningAs } from './document-exits.ts'
import { ask, citationsOf, ruleIdsOf } from './document-rules.ts'

/**
 * 退回修改: the post whose 核稿 or 签发 is due, or a unit asked to countersign that disagrees,
 * sends the draft back to its drafter with the opinion (required). Every open task closes; the drafter
 * holds the draft, revises its body and sends it again, the chain restarting (重新送审). A
 * reviewer's or the signer's return cites the sign-off rule the draft follows (钟山 第三十二条 分级审核); a
 * unit's disagreement cites the rulebook's procedure for disagreements (钟山 第二十九条: 协商,
 * 列明各方理据, 会签后报), where the rulebook has one.
 */
export function returnDocumentForRevision(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; opinion: string },
) {
  const opinion = requiredText(input.opinion, 'OPINION_EMPTY', '退回修改的，请写明修改意见')
  return actOnDocument(deps, session, input.documentId, (context) =>
    returnForRevision(deps, context, opinion),
  )
}

/** The return itself, in the act's transaction: also what a 会签 disagreement does. */
export async function returnForRevision(
  deps: Pick<DocumentDeps, 'rules' | 'newId'>,
  { r, post, document, at, today }: ActContext,
  opinion: string,
  /** A 会签 disagreement returns as the countersigning unit, even if its post also reviews. */
  only?: 'countersign',
): Promise<ActOutcome<{ state: string }>> {
  const [events, tasks] = await Promise.all([
    r.documents.events(document.id),
    r.documents.openTasks(document.id),
  ])
  const facts = { document, events, tasks, post }
  const refusal = returnRefusal(facts, only)
  if (refusal) throw refusal
  const as = only ?? returningAs(facts)
  const citations: Citation[] =
    as === 'countersign'
      ? (ask(deps.rules, document.jurisdictionId, 'procedure-check', {
          matter: 'departmentDisagreement',
          completed: [],
        })?.citations ?? [])
      : signOffCitations(deps.rules, document, events, today)
  const closed = await closeOpenTasks(r, document.id, tasks, { at, outcome: 'returnedForRevision' })
  await openRedraftTask(r, deps.newId, document, at)
  return {
    action: as === 'countersign' ? 'countersignDisagree' : 'returnForRevision',
    opinion,
    ruleIds: ruleIdsOf(citations),
    details: {
      returnedToDrafter: true,
      ...(as === 'countersign'
        ? { departmentId: post.departmentId }
        : { step: as === 'sign' ? 'sign' : document.plan?.step }),
      closedTasks: closed.map((task) => task.kind),
    },
    changes: { state: 'returnedForRevision' },
    result: { state: 'returnedForRevision' },
  }
}

/** The sign-off rule the draft was planned by (its 核稿 chain and signer), from the 拟稿 event. */
export function signOffCitations(
  rules: RulesPort,
  document: DocumentRecord,
  events: readonly DocumentEvent[],
  today: string,
): Citation[] {
  const drafted = events.find((event) => event.action === 'draft')?.ruleIds ?? []
  const kinds = new Map(
    (rules.rulebook(document.jurisdictionId, today)?.rules ?? []).map((rule) => [
      rule.id,
      rule.kind,
    ]),
  )
  const signOff = drafted.filter((id) => kinds.get(id) === 'signOff')
  return citationsOf(
    rules,
    document.jurisdictionId,
    signOff.length > 0 ? signOff : drafted.filter((id) => !id.startsWith('national.')),
    today,
  )
}
