import type { SessionRecord } from '../identity/log-in.ts'
import { NotFoundError } from '../errors.ts'
import { shanghaiDateOf } from '@zhengling/rules'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { canSee } from '../access/can-see.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { actorOf, type DocumentState } from './act-on-document.ts'
import { holdingsOn } from '../organisation/current-holders.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import {
  REASSIGNABLE_TASKS,
  resubmitRefusal,
  returnRefusal,
  voidRefusal,
  withdrawRefusal,
} from './document-exits.ts'
import { documentOffice, isOfficePost } from './document-office.ts'
import { ask } from './document-rules.ts'
import { countersignStanding, noPeriodStanding } from './countersign-standing.ts'
import { segmentWords } from './search-text.ts'
import { RECEIPT_TASK } from './deliver-to-recipients.ts'

/**
 * A document with its flow history, open tasks and attachments (附件, without their bytes), if
 * the signed-in post-holder may see it.
 */
export async function viewDocument(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  documentId: string,
) {
  const { viewer } = await actorOf(r, session, deps.now())
  return readDocument(r, viewer, documentId)
}

/** The document through the access rule, with its history, open tasks and attachments. */
async function readDocument(
  r: Repositories,
  viewer: Awaited<ReturnType<typeof actorOf>>['viewer'],
  documentId: string,
) {
  const document = await r.documents.visible(viewer, documentId)
  if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  const [events, tasks, attachments] = await Promise.all([
    r.documents.events(document.id),
    r.documents.openTasks(document.id),
    r.attachments.list(document.id),
  ])
  return { document, events, tasks, attachments }
}

/**
 * The document page: the document as `viewDocument` reads it, who holds it now (当前办理: each
 * open task but 待阅, with post, holder, since when and its time limit, from one read of the
 * organisation), and the ways out open to the viewer's post now (撤回, 退回修改, 重新送审,
 * 作废, 改派), each answered by the same check the act makes.
 */
export async function describeDocument(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  documentId: string,
) {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  return describeViewed(r, deps, post, now, await readDocument(r, viewer, documentId))
}

/**
 * The document page answered after an act, from the state its transaction held
 * (`DocumentState`, docs/decisions/0030): the document, its history and open tasks are not read
 * again; only its attachments and who holds its tasks are.
 */
export async function describeActedDocument(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  state: DocumentState,
) {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  // As a fresh read would: a document the act left out of the actor's sight is not shown.
  if (!canSee(viewer, state.document))
    throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  const attachments = await r.attachments.list(state.document.id)
  return describeViewed(r, deps, post, now, { ...state, attachments })
}

/** The document page from the document, history, open tasks and attachments in hand. */
async function describeViewed(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  post: HeldPost,
  now: Date,
  viewed: Awaited<ReturnType<typeof readDocument>>,
) {
  const { document, events, tasks } = viewed
  const jurisdictionId = document.jurisdictionId
  const today = shanghaiDateOf(now.getTime())
  const holdingOf = await holdingsOn(r, deps.rules, jurisdictionId, today)
  // A unit's 签收 is shown under 分发情况, not as who holds the document.
  const holders = tasks
    .filter((task) => task.kind !== 'read' && task.kind !== RECEIPT_TASK)
    .map((task) => ({
      taskId: task.id,
      ...holdingOf({
        kind: task.kind,
        postId: task.assigneePostId,
        departmentId: task.assigneeDepartmentId,
        since: task.openedAt,
        dueDate: task.dueDate,
      }),
    }))
  const facts = { document, events, tasks, post }
  const office = documentOffice(deps.rules, document.jurisdictionId)
  // 改派 is the post the rulebook names for it (national: 办公室主任); a book without one has none.
  const reassigner = ask<{ posts: string[] }>(
    deps.rules,
    document.jurisdictionId,
    'responsible-posts',
    {
      matter: 'vacantTaskReassignment',
    },
  )
  const reassigns = reassigner?.outcome.posts.some((id) => matchesRulebookPost(post, id)) ?? false
  // Each open 会签 as its rule reads it today, and the overdue acts open to the viewer's post.
  const countersigns = tasks
    .filter((task) => task.kind === 'countersign' && task.assigneeDepartmentId)
    .map((task) => {
      const standing = countersignStanding(deps.rules, document, task, events, today)
      // No countersign rule (木里): no period, no effect — say so, and who to ask, with the article.
      const reading = standing ?? noPeriodStanding(office)
      const awaiting = standing?.outcome.awaiting ?? 'reply'
      const named = (ids: readonly string[] | undefined) =>
        (ids ?? []).some((id) => matchesRulebookPost(post, id))
      return {
        departmentId: task.assigneeDepartmentId as string,
        due: standing?.outcome.due ?? task.dueDate,
        awaiting: standing ? awaiting : null,
        settled: standing?.outcome.settled ?? null,
        reminderDue: standing?.outcome.reminderDue ?? null,
        summary: reading.summary,
        citations: reading.citations,
        /** The rulebook sets no reply period for the 会签 (no countersign rule). */
        noPeriod: !standing,
        may: {
          remind: awaiting === 'reminder' && named(standing?.outcome.reminder),
          explain:
            awaiting === 'explanationOrCircular' && post.departmentId === task.assigneeDepartmentId,
          circulate: awaiting === 'explanationOrCircular' && named(standing?.outcome.circulatedBy),
        },
      }
    })
  return {
    ...viewed,
    holders: holders.map((holding) => ({
      ...holding,
      reassignable:
        holding.vacant && holding.postId !== null && REASSIGNABLE_TASKS.includes(holding.kind),
    })),
    countersigns,
    may: {
      withdraw: withdrawRefusal(facts) === null,
      returnForRevision: returnRefusal(facts) === null,
      resubmit: resubmitRefusal(facts) === null,
      void: isOfficePost(post, office) && voidRefusal(facts) === null,
      reassign:
        reassigns &&
        holders.some(
          (holding) =>
            holding.vacant && holding.postId !== null && REASSIGNABLE_TASKS.includes(holding.kind),
        ),
    },
  }
}

/** Documents the signed-in post-holder may see whose words match the query, best first. */
export async function searchDocuments(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  query: { q: string; limit: number },
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const words = segmentWords(query.q).join(' ')
  if (!words) return []
  return r.documents.search(viewer, words, query)
}

/** 待办 / 待阅 of every post the person holds or acts for, and of their units. */
export async function listInbox(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  page: { limit: number },
) {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const today = shanghaiDateOf(now.getTime())
  return (await r.documents.inbox(viewer, page)).map((entry) => ({
    ...entry,
    workingDaysLeft: entry.task.dueDate
      ? deps.rules.workingDaysLeft(viewer.jurisdictionId, today, entry.task.dueDate)
      : null,
  }))
}
