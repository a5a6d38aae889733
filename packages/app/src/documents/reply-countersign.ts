import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import { returnForRevision } from './return-document-for-revision.ts'

/**
 * 会签: a unit asked for its countersignature agrees, or disagrees with its reasons, which returns
 * the draft to its drafter (退回修改, see return-document-for-revision.ts).
 */
export function replyCountersign(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; agree: boolean; opinion?: string },
) {
  if (!input.agree && !input.opinion?.trim())
    throw new InvalidInputError('REASONS_REQUIRED', '有不同意见的，请写明理由')
  // A disagreement sends the draft back to its drafter (退回修改) with the reasons.
  if (!input.agree)
    return actOnDocument(deps, session, input.documentId, async (context) => {
      const returned = await returnForRevision(
        deps,
        context,
        input.opinion?.trim() ?? '',
        'countersign',
      )
      return { ...returned, result: { agreed: false } }
    })
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    assertState(document, ['reviewing', 'awaitingSignature'], '会签')
    const closed = post.departmentId
      ? await r.documents.closeTasks(
          document.id,
          { kind: 'countersign', departmentIds: [post.departmentId] },
          at,
          input.agree ? 'agreed' : 'disagreed',
        )
      : 0
    if (closed === 0)
      throw new NotPermittedError(
        'NOT_ASKED_TO_COUNTERSIGN',
        `${post.title}所在单位没有待会签的此件`,
      )
    return {
      action: input.agree ? 'countersign' : 'countersignDisagree',
      opinion: input.opinion ?? (input.agree ? '同意' : null),
      ruleIds: [],
      details: { departmentId: post.departmentId },
      result: { agreed: input.agree },
    }
  })
}
