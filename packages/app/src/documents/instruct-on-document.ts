import type { Citation } from '@zhengling/rules'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { ask, postsResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openTasks } from './open-tasks.ts'

/**
 * 批示 by a leader the document was routed to: written text, or 圈阅, whose meaning the rulebook
 * gives by 文种 (托克逊: agree on a 请示, read on a 报告). When the last leader has instructed, the
 * desk gets the 转办 task.
 */
export function instructOnDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; text?: string; circleRead?: boolean },
) {
  if (!input.circleRead && !input.text?.trim())
    throw new InvalidInputError('INSTRUCTION_EMPTY', '请填写批示意见，或选择圈阅')
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    assertState(document, ['proposed'], '批示')
    const closed = await r.documents.closeTasks(
      document.id,
      { kind: 'instruct', postIds: [post.postId] },
      at,
      'instructed',
    )
    if (closed === 0)
      throw new NotPermittedError('NOT_ROUTED_TO_YOU', `这份公文没有呈${post.title}批示`)
    const meaning = input.circleRead
      ? ask<{ meaning: string }>(deps.rules, document.jurisdictionId, 'circle-read-meaning', {
          documentKind: document.kind,
        })
      : undefined
    const citations: Citation[] = [...(meaning?.citations ?? [])]
    const remaining = (await r.documents.openTasks(document.id)).filter(
      (t) => t.kind === 'instruct',
    )
    let state = document.state
    if (remaining.length === 0) {
      const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
      const desks = await postsResponsible(r, document.jurisdictionId, desk)
      await openTasks(r, deps.newId, document, {
        kind: 'refer',
        postIds: desks.map((candidate) => candidate.postId),
        dueDate: document.dueDate,
        at,
      })
      citations.push(...desk.citations)
      state = 'instructed'
    }
    const opinion = input.circleRead
      ? `圈阅${meaning ? `（${meaning.summary}）` : '（本辖区规则库未规定圈阅的含义）'}`
      : (input.text as string)
    return {
      action: input.circleRead ? 'circleRead' : 'instruct',
      opinion,
      ruleIds: ruleIdsOf(citations),
      details: { meaning: meaning?.outcome.meaning ?? null },
      changes: { state },
      result: { opinion, citations, waitingFor: remaining.length },
    }
  })
}
