import type { Viewer } from '../access/can-see.ts'
import { viewerOfSession } from '../access/viewer-of-session.ts'
import { actorLabel, articleOfRule, withActing } from '../acting/acting-note.ts'
import { type ActDeps, type ActFrame, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord, DocumentTask } from './document.ts'
import type {
  DocumentChanges,
  DocumentForAct,
  DocumentRepository,
  ShownEvent,
} from './document-repository.ts'
import { recordDocumentAct } from './record-document-act.ts'

/** The document after an act, as the transaction holds it: the answer needs no re-read. */
export interface DocumentState {
  document: DocumentRecord
  tasks: DocumentTask[]
  events: ShownEvent[]
}

export interface DocumentDeps extends ActDeps {
  /** Given the document's state after each act (the route answers it instead of reading again). */
  onActed?: (state: DocumentState) => void
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
 * One act on a document, on the act kernel (acts/act-kernel.ts): the document locked and seen
 * through the access rule with its open tasks and history in one statement (a document the
 * actor may not see is "not found"), the act, then its changes, flow event and audit record.
 * Throwing anywhere leaves nothing written. Inside the act, the document's history and open
 * tasks are answered from the state in hand, kept up to date with the act's own writes.
 */
export async function actOnDocument<T>(
  deps: DocumentDeps,
  session: SessionRecord,
  documentId: string,
  act: (context: ActContext) => Promise<ActOutcome<T>>,
): Promise<T> {
  const { outcome, after } = await runAct(
    deps,
    session,
    documentId,
    documentStore<T>(deps),
    (frame, loaded) =>
      act({
        r: loaded.r,
        viewer: frame.actor,
        post: frame.actor.currentPost,
        document: loaded.document,
        today: frame.today,
        at: frame.at,
      }),
  )
  deps.onActed?.(after)
  return outcome.result
}

/** A document locked for an act, with repositories that keep its flow state current. */
interface LoadedDocument extends DocumentForAct {
  r: Repositories
}

/** How the kernel locks, loads and writes a document. */
function documentStore<T>(
  deps: DocumentDeps,
): SubjectStore<LoadedDocument, ActOutcome<T>, DocumentState> {
  return {
    async lock(frame, id) {
      const found = await frame.r.documents.lockForAct(frame.actor, id, {
        personId: frame.actor.personId,
        postIds: frame.actor.postIds,
      })
      if (!found) return undefined
      const loaded = { ...found, r: frame.r }
      loaded.r = { ...frame.r, documents: keepingFlow(frame.r.documents, loaded) }
      return loaded
    },
    notFound: () => new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看'),
    async apply(frame: ActFrame, loaded, outcome) {
      const { document } = loaded
      if (outcome.changes || outcome.widen)
        await loaded.r.documents.update(
          document.id,
          outcome.changes ?? {},
          // A widening alone leaves updated_at as it was.
          outcome.changes ? frame.at : null,
          outcome.widen,
        )
      const after: DocumentRecord = {
        ...document,
        ...outcome.changes,
        ...(outcome.changes ? { updatedAt: frame.at } : {}),
        distributionPosts: [
          ...new Set([...document.distributionPosts, ...(outcome.widen?.posts ?? [])]),
        ],
        distributionDepartments: [
          ...new Set([...document.distributionDepartments, ...(outcome.widen?.departments ?? [])]),
        ],
      }
      await recordDocumentAct(loaded.r, deps, {
        document: after,
        before: document,
        at: frame.at,
        personId: frame.actor.personId,
        postId: frame.actor.currentPost.postId,
        action: outcome.action,
        opinion: outcome.opinion,
        // Done in an acting post: the history and the audit say so, with the article (代行…).
        ...withActing(
          frame.actor.currentPost,
          outcome,
          articleOfRule(deps.rules, document.jurisdictionId, frame.today),
        ),
      })
      return { document: after, tasks: [...loaded.tasks], events: [...loaded.events] }
    },
  }
}

/**
 * The documents' store for one act: the locked document's history and open tasks are answered
 * from `loaded` (no statement), which the act's own writes through it keep current.
 */
function keepingFlow(documents: DocumentRepository, loaded: DocumentForAct): DocumentRepository {
  const id = loaded.document.id
  const opened = (tasks: readonly DocumentTask[]) => {
    loaded.tasks = [...loaded.tasks, ...tasks.filter((task) => task.documentId === id)]
  }
  return {
    ...documents,
    async events(documentId) {
      return documentId === id ? [...loaded.events] : documents.events(documentId)
    },
    async openTasks(documentId) {
      return documentId === id ? [...loaded.tasks] : documents.openTasks(documentId)
    },
    async openTask(task) {
      await documents.openTask(task)
      opened([task])
    },
    async openTaskBatch(tasks, document, timers) {
      await documents.openTaskBatch(tasks, document, timers)
      opened(tasks)
    },
    async closeTasks(documentId, match, closedAt, outcome) {
      const closed = await documents.closeTasks(documentId, match, closedAt, outcome)
      if (documentId === id) loaded.tasks = loaded.tasks.filter((task) => !closes(match, task))
      return closed
    },
    async appendEvent(event) {
      await documents.appendEvent(event)
      if (event.documentId !== id) return
      const post = event.actorPostId ? loaded.postTitles[event.actorPostId] : undefined
      const name = event.actorPersonId === null ? null : loaded.personName
      loaded.events = [...loaded.events, { ...event, actor: actorLabel(name, post, event.details) }]
    },
  }
}

/** What `closeTasks` closes, as its statement says it. */
function closes(
  match: Parameters<DocumentRepository['closeTasks']>[1],
  task: DocumentTask,
): boolean {
  if (task.kind !== match.kind) return false
  if (!match.postIds && !match.departmentIds) return true
  return (
    (match.postIds?.length ? match.postIds.includes(task.assigneePostId ?? '') : false) ||
    (match.departmentIds?.length
      ? match.departmentIds.includes(task.assigneeDepartmentId ?? '')
      : false)
  )
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
