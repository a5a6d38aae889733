import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'
import type { BodyVersion } from './body-version-repository.ts'
import { recordBodyVersion } from './record-body-version.ts'
import { searchTextOf } from './search-text.ts'

/**
 * States in which an outgoing draft's text may still change: until 签发 fixes it, and while it
 * waits with its drafter after 撤回 or 退回修改.
 */
const REVISABLE_STATES = ['reviewing', 'awaitingSignature', 'withdrawn', 'returnedForRevision']

/**
 * 修改正文: while an outgoing draft is under review, the drafting post or a post whose 核稿 is
 * due revises its title or body. Each revision is a new body version (the earlier ones stay),
 * the search index follows the new words, and the flow records who revised it. After 签发 the
 * text is fixed: a revision then is refused with WRONG_STATE.
 */
export function reviseDocumentBody(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; title?: string; body: string },
): Promise<BodyVersion> {
  const title = input.title?.trim()
  if (input.title !== undefined && !title)
    throw new InvalidInputError('TITLE_EMPTY', '标题不能为空')
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    if (document.direction !== 'outgoing')
      throw new NotPermittedError('NOT_REVISABLE', '收文的正文以来文为准，不能修改')
    if (!REVISABLE_STATES.includes(document.state))
      // An outgoing document leaves review only by 签发 (signed, numbered, issued, archived).
      throw new NotPermittedError('WRONG_STATE', '公文已签发，正文已定稿，不能再修改')
    const reviewing = (await r.documents.openTasks(document.id)).some(
      (task) => task.kind === 'review' && task.assigneePostId === post.postId,
    )
    if (document.createdByPostId !== post.postId && !reviewing)
      throw new NotPermittedError(
        'NOT_PERMITTED_TO_REVISE',
        `只有拟稿职务或当前核稿职务可以修改正文，${post.title}不是`,
      )
    const revised = { ...document, title: title ?? document.title, body: input.body }
    if (revised.title === document.title && revised.body === document.body)
      throw new InvalidInputError('BODY_UNCHANGED', '标题和正文都没有改动')
    const version = await recordBodyVersion(r, revised, {
      personId: session.personId,
      postId: post.postId,
      at,
    })
    await r.bodyVersions.reindex(document.id, searchTextOf(revised))
    return {
      action: 'revise',
      ruleIds: [],
      details: {
        version: version.version,
        sha256: version.sha256,
        ...(revised.title !== document.title ? { previousTitle: document.title } : {}),
      },
      changes: { title: revised.title, body: revised.body },
      result: version,
    }
  })
}
