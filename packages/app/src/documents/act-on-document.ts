import { shanghaiDateOf } from '@zhengling/rules'
import type { Viewer } from '../access/can-see.ts'
import { viewerOfSession } from '../access/viewer-of-session.ts'
import type { Hasher } from '../audit/hasher.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'
import type { DocumentChanges } from './document-repository.ts'
import { recordDocumentAct } from './record-document-act.ts'

export interface DocumentDeps {
  inTransaction: InTransaction
  hasher: Hasher
  now: () => Date
  newId: () => string
  rules: RulesPort
}

export interface ActContext {
  r: Repositories
  viewer: Viewer & { posts: HeldPost[] }
  /** The post the person acts in (the session's current post). */
  post: HeldPost
  document: DocumentRecord
  today: string
  at: string
}

export interface ActOutcome<T> {
  action: string
  opinion?: string | null
  ruleIds: string[]
  details?: Record<string, unknown>
  changes?: DocumentChanges
  widen?: { posts?: string[]; departments?: string[] }
  result: T
}

/** The signed-in post-holder, in the post they act in, with their access facts. */
export async function actorOf(r: Repositories, session: SessionRecord, now: Date) {
  const viewer = await viewerOfSession(r.organisation, session, now)
  if (!viewer.currentPost)
    throw new NotPermittedError('NO_CURRENT_POST', '请先在页面顶部选择以哪个职务办理')
  return { viewer, post: viewer.currentPost }
}

/**
 * One act on a document, in one transaction: the document locked and seen through the access
 * rule (a document the actor may not see is "not found"), the act, then its flow event and audit
 * record. Throwing anywhere leaves nothing written.
 */
export function actOnDocument<T>(
  deps: DocumentDeps,
  session: SessionRecord,
  documentId: string,
  act: (context: ActContext) => Promise<ActOutcome<T>>,
): Promise<T> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    const document = await r.documents.visible(viewer, documentId, { forUpdate: true })
    if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
    const at = now.toISOString()
    const outcome = await act({
      r,
      viewer,
      post,
      document,
      today: shanghaiDateOf(now.getTime()),
      at,
    })
    if (outcome.changes) await r.documents.update(document.id, outcome.changes, at)
    if (outcome.widen) await r.documents.widenDistribution(document.id, outcome.widen)
    const after: DocumentRecord = {
      ...document,
      ...outcome.changes,
      distributionPosts: [
        ...new Set([...document.distributionPosts, ...(outcome.widen?.posts ?? [])]),
      ],
      distributionDepartments: [
        ...new Set([...document.distributionDepartments, ...(outcome.widen?.departments ?? [])]),
      ],
    }
    await recordDocumentAct(r, deps, {
      document: after,
      before: document,
      at,
      personId: session.personId,
      postId: post.postId,
      action: outcome.action,
      opinion: outcome.opinion,
      ruleIds: outcome.ruleIds,
      details: outcome.details,
    })
    return outcome.result
  })
}

/** Refuses an act the document's state does not allow, naming the state it is in. */
export function assertState(document: DocumentRecord, allowed: readonly string[], act: string) {
  if (!allowed.includes(document.state))
    throw new NotPermittedError(
      'WRONG_STATE',
      `公文当前状态为"${STATE_LABELS[document.state] ?? document.state}"，不能${act}`,
    )
}

export const STATE_LABELS: Record<string, string> = {
  submitted: '待签收',
  registered: '已登记待初审',
  returned: '已退回',
  accepted: '待拟办',
  proposed: '待批示',
  instructed: '待转办',
  referred: '办理中',
  closed: '已办结',
  reviewing: '核稿中',
  awaitingSignature: '待签发',
  signed: '已签发待编号',
  numbered: '已编号待印发',
  issued: '已印发',
  archived: '已归档',
  withdrawn: '已撤回',
  returnedForRevision: '退回修改',
  voided: '已作废',
}
