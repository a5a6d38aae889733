import { shanghaiDateOf } from '@zhengling/rules'
import { rankOf, SECRECY_LABELS } from '../access/secrecy.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actOnDocument, actorOf, type DocumentDeps } from './act-on-document.ts'
import type { DocumentRecord } from './document.ts'
import { assertOfficePost, documentOffice, isOfficePost } from './document-office.ts'
import { ruleIdsOf } from './document-rules.ts'

/**
 * States in which a document may be passed round to read: an incoming one once registered (not
 * while it waits for 签收 or has been returned), an outgoing one once issued. An archived record
 * changes no more, so it is not circulated either.
 */
const CIRCULABLE: Record<DocumentRecord['direction'], readonly string[]> = {
  incoming: ['registered', 'accepted', 'proposed', 'instructed', 'referred', 'closed'],
  outgoing: ['issued'],
}

export const mayBeCirculated = (document: Pick<DocumentRecord, 'direction' | 'state'>) =>
  CIRCULABLE[document.direction].includes(document.state)

/** One recipient of a circulation as the 'circulate' event records it. */
export interface CirculationRecipient {
  postId: string
  title: string
  /** The 待阅 task opened for the post: its closing by 已阅 is the read receipt. */
  taskId: string
}

/**
 * 传阅: the office (the registration desk and the government office's posts — 条例第五条, as
 * the rulebook's registration rule cites it) passes a document to chosen posts to read. Each post
 * gets a 待阅 task and joins the 知悉范围; the 'circulate' event names them. A post outside the
 * jurisdiction or unknown, vacant with no one acting, already holding an unread copy, or whose
 * holder is not cleared for the document's secrecy is refused before anything is written.
 */
export function circulateDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; postIds: string[]; note?: string },
) {
  const postIds = [...new Set(input.postIds)]
  if (postIds.length === 0) throw new InvalidInputError('NO_RECIPIENTS', '请至少选择一个传阅对象')
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      if (document.state === 'archived')
        throw new NotPermittedError('WRONG_STATE', '公文已归档，不能再传阅')
      if (!mayBeCirculated(document))
        throw new NotPermittedError(
          'WRONG_STATE',
          document.direction === 'incoming'
            ? '收文须签收登记后方可传阅（退回的公文不传阅）'
            : '发文须印发后方可传阅',
        )
      const office = documentOffice(deps.rules, document.jurisdictionId)
      assertOfficePost(post, office, '传阅公文')

      const posts = new Map(
        (await r.organisation.unitPosts(document.jurisdictionId)).map((p) => [p.postId, p]),
      )
      const unknown = postIds.filter((id) => !posts.has(id))
      if (unknown.length > 0)
        throw new InvalidInputError(
          'UNKNOWN_RECIPIENT',
          `传阅对象须是本辖区的职务，以下职务不存在或不属于本辖区：${unknown.join('、')}`,
          unknown.map((id) => ({ path: '/postIds', message: `未知职务：${id}` })),
        )
      const recipients = postIds.map((id) => posts.get(id)!)

      const unread = new Set(
        (await r.documents.openTasks(document.id))
          .filter((task) => task.kind === 'read' && task.assigneePostId)
          .map((task) => task.assigneePostId as string),
      )
      const pending = recipients.filter((recipient) => unread.has(recipient.postId))
      if (pending.length > 0)
        throw new InvalidInputError(
          'ALREADY_CIRCULATED',
          `以下职务已有此件待阅，尚未阅毕：${pending.map((p) => p.title).join('、')}`,
        )

      for (const recipient of recipients) {
        const onDate = await r.organisation.post(recipient.postId, today)
        const holders = onDate?.holders ?? []
        if (holders.length === 0 && !(await r.organisation.actingFor(recipient.postId, today)))
          throw new InvalidInputError(
            'RECIPIENT_VACANT',
            `${recipient.title}今日空缺且无人代理，无人阅知，请另选传阅对象`,
          )
        for (const holder of holders) {
          const clearance = await r.organisation.clearanceOf(holder.personId)
          if (!clearance || rankOf(clearance) < rankOf(document.secrecy))
            throw new InvalidInputError(
              'RECIPIENT_NOT_CLEARED',
              `${recipient.title}（${holder.name}）的涉密等级不足以阅知${SECRECY_LABELS[document.secrecy]}公文`,
            )
        }
      }

      const circulated: CirculationRecipient[] = []
      for (const recipient of recipients) {
        const taskId = deps.newId()
        await r.documents.openTask({
          id: taskId,
          documentId: document.id,
          jurisdictionId: document.jurisdictionId,
          assigneePostId: recipient.postId,
          assigneeDepartmentId: null,
          kind: 'read',
          dueDate: null,
          openedAt: at,
          closedAt: null,
          outcome: null,
        })
        circulated.push({ postId: recipient.postId, title: recipient.title, taskId })
      }
      return {
        action: 'circulate',
        opinion: input.note?.trim() || null,
        ruleIds: ruleIdsOf(office.citations),
        details: { recipients: circulated },
        widen: { posts: recipients.map((recipient) => recipient.postId) },
        result: { recipients: circulated },
      }
    },
  )
}

/** A recipient post of a circulation and its read receipt. */
export interface CirculationReceipt {
  postId: string
  title: string
  /** Who holds the post today (empty when vacant). */
  holders: string[]
  circulatedAt: string
  circulatedBy: string | null
  /** When 已阅 closed the post's 待阅; null while unread. */
  readAt: string | null
  /** Who read it, in which post: '张志强（副区长（教育））'. */
  readBy: string | null
  /** 'read', or 'archived' when archiving closed it unread; null while open. */
  outcome: string | null
}

/**
 * The read receipts of a document's circulations, for anyone who may see the document (its
 * flow history shows the same acts): each recipient post, its holders, when it was sent, and
 * when and by whom it was read. `mayCirculate` says whether the current post may circulate it now.
 */
export async function viewCirculation(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  documentId: string,
): Promise<{ mayCirculate: boolean; receipts: CirculationReceipt[] }> {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  const document = await r.documents.visible(viewer, documentId)
  if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份公文，或您无权查看')
  const today = shanghaiDateOf(now.getTime())
  const events = await r.documents.events(document.id)
  const circulations = events.filter((event) => event.action === 'circulate')
  const sent = circulations.flatMap((event) =>
    recipientsOf(event.details).map((recipient) => ({ event, recipient })),
  )
  const tasks = new Map(
    (
      await r.documents.tasksById(
        document.id,
        sent.map(({ recipient }) => recipient.taskId),
      )
    ).map((task) => [task.id, task]),
  )
  const acknowledgements = events.filter((event) => event.action === 'acknowledge')
  const receipts: CirculationReceipt[] = []
  for (const { event, recipient } of sent) {
    const task = tasks.get(recipient.taskId)
    const read = task?.outcome === 'read' ? task.closedAt : null
    // 已阅 closes the task and records its event in one transaction, at the same instant.
    const receipt = read
      ? acknowledgements.find(
          (ack) => ack.occurredAt === read && ack.actorPostId === recipient.postId,
        )
      : undefined
    const onDate = await r.organisation.post(recipient.postId, today)
    receipts.push({
      postId: recipient.postId,
      title: onDate?.title ?? recipient.title,
      holders: (onDate?.holders ?? []).map((holder) => holder.name),
      circulatedAt: event.occurredAt,
      circulatedBy: event.actor,
      readAt: read,
      readBy: receipt?.actor ?? null,
      outcome: task?.outcome ?? null,
    })
  }
  const office = documentOffice(deps.rules, document.jurisdictionId)
  return {
    mayCirculate: mayBeCirculated(document) && isOfficePost(post, office),
    receipts,
  }
}

function recipientsOf(details: Record<string, unknown>): CirculationRecipient[] {
  const recipients = details.recipients
  if (!Array.isArray(recipients)) return []
  return recipients.filter(
    (item): item is CirculationRecipient =>
      typeof item === 'object' &&
      item !== null &&
      typeof item.postId === 'string' &&
      typeof item.taskId === 'string' &&
      typeof item.title === 'string',
  )
}
