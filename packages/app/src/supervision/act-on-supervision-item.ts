import { articleOfRule, withActing } from '../acting/acting-note.ts'
import type { Viewer } from '../access/can-see.ts'
import { type ActDeps, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { notifySupervisionAct } from '../notifications/supervision-notifications.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { SupervisionChanges } from './supervision-repository.ts'
import type { SupervisionItem } from './supervision-item.ts'

/** Ledger acts take what every act takes (acts/act-kernel.ts). */
export type SupervisionDeps = ActDeps

export interface SupervisionActOutcome {
  action: string
  text?: string | null
  ruleIds: string[]
  details?: Record<string, unknown>
  changes?: SupervisionChanges
}

/**
 * One act on a ledger item, on the act kernel (acts/act-kernel.ts): the item locked and read
 * through the access rule in one statement (one the actor may not see is "not found"), the act,
 * then its change, history entry, messages and audit record. Answers the item as it now stands,
 * from the state in hand.
 */
export async function actOnSupervisionItem(
  deps: SupervisionDeps,
  session: SessionRecord,
  itemId: string,
  act: (context: {
    r: Repositories
    viewer: Viewer & { posts: HeldPost[] }
    post: HeldPost
    item: SupervisionItem
    today: string
    at: string
  }) => Promise<SupervisionActOutcome>,
): Promise<SupervisionItem> {
  const { after } = await runAct(deps, session, itemId, supervisionItems(deps), (frame, item) =>
    act({
      r: frame.r,
      viewer: frame.actor,
      post: frame.actor.currentPost,
      item,
      today: frame.today,
      at: frame.at,
    }),
  )
  return after
}

/** Ledger items as the act kernel handles them: the item alone is what an act reads. */
function supervisionItems(
  deps: Pick<SupervisionDeps, 'hasher' | 'rules'>,
): SubjectStore<SupervisionItem, SupervisionActOutcome, SupervisionItem> {
  return {
    lock: ({ r, actor }, id) => r.supervision.visible(actor, id, { forUpdate: true }),
    notFound: () =>
      new NotFoundError('SUPERVISION_ITEM_NOT_FOUND', '没有这个督办事项，或您无权查看'),
    async apply({ r, actor, at, today }, item, outcome) {
      if (outcome.changes) await r.supervision.update(item.id, outcome.changes, at)
      const after = { ...item, ...outcome.changes, updatedAt: at }
      await recordSupervisionAct(r, deps, {
        item: after,
        at,
        personId: actor.personId,
        postId: actor.currentPost.postId,
        ...outcome,
        // Done in an acting post: the history and the audit say so, with the article (代行…).
        ...withActing(
          actor.currentPost,
          outcome,
          articleOfRule(deps.rules, item.jurisdictionId, today),
        ),
      })
      return after
    },
  }
}

/** The history entry and the audit record of one act on a ledger item. */
export async function recordSupervisionAct(
  r: Repositories,
  deps: Pick<SupervisionDeps, 'hasher'>,
  act: {
    item: Pick<
      SupervisionItem,
      'id' | 'jurisdictionId' | 'title' | 'state' | 'dueDate' | 'closedOn'
    > &
      Partial<Pick<SupervisionItem, 'leadDepartmentId' | 'coDepartmentIds' | 'secrecy'>>
    at: string
    personId: string | null
    postId: string | null
    action: string
    text?: string | null
    ruleIds: string[]
    details?: Record<string, unknown>
  },
): Promise<void> {
  // 消息中心: the units the act concerns hear of it in the same transaction.
  await notifySupervisionAct(r, act)
  await r.supervision.appendEvent({
    itemId: act.item.id,
    occurredAt: act.at,
    actorPersonId: act.personId,
    actorPostId: act.postId,
    action: act.action,
    text: act.text ?? null,
    ruleIds: act.ruleIds,
    details: act.details ?? {},
  })
  await r.audit.append(
    auditEntry({
      jurisdictionId: act.item.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.personId,
      actorPostId: act.postId,
      action: `supervision.${act.action}`,
      subject: act.item.id,
      afterDigest: digestOf(
        {
          state: act.item.state,
          dueDate: act.item.dueDate,
          closedOn: act.item.closedOn,
          text: act.text ?? null,
        },
        deps.hasher,
      ),
      ruleIds: act.ruleIds,
      details: {
        title: act.item.title,
        ...(act.details?.acting ? { acting: act.details.acting } : {}),
        ...(act.details?.origin ? { origin: act.details.origin } : {}),
      },
    }),
    deps.hasher,
  )
}

export function assertItemState(
  item: SupervisionItem,
  allowed: readonly SupervisionItem['state'][],
  act: string,
) {
  if (!allowed.includes(item.state))
    throw new NotPermittedError(
      'WRONG_STATE',
      `督办事项当前状态为"${SUPERVISION_STATE_LABELS[item.state]}"，不能${act}`,
    )
}

export const SUPERVISION_STATE_LABELS: Record<SupervisionItem['state'], string> = {
  open: '办理中',
  closeRequested: '已报办结待审核',
  closed: '已办结',
}
