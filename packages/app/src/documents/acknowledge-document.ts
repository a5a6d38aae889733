import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'

// Tasks that only ask to be seen: 待阅 (the result, an issued document) and 退回修改 (a return).
const NOTICE_KINDS = ['read', 'revise']

/** 已阅: closes the notices on the document addressed to the person's post or unit. */
export function acknowledgeDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  /** `batch`: marked read with others at once (圈阅 from the 待办 list). */
  input: { documentId: string; batch?: boolean },
) {
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    let closed = 0
    for (const kind of NOTICE_KINDS)
      closed += await r.documents.closeTasks(
        document.id,
        {
          kind,
          postIds: [post.postId],
          departmentIds: post.departmentId ? [post.departmentId] : [],
        },
        at,
        'read',
      )
    if (closed === 0)
      throw new NotPermittedError('NOTHING_TO_ACKNOWLEDGE', '此件没有给您的待阅事项')
    return {
      action: 'acknowledge',
      ruleIds: [],
      ...(input.batch ? { details: { batch: true } } : {}),
      result: { closed },
    }
  })
}
