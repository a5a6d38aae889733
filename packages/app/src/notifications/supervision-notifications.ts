import { shanghaiDateOf } from '@zhengling/rules'
import type { SupervisionItem } from '../supervision/supervision-item.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { NewNotification, NotificationKind } from './notification.ts'

const MESSAGES: Record<
  string,
  { kind: NotificationKind; title: (item: { title: string; dueDate: string }) => string }
> = {
  create: { kind: 'task', title: (item) => `新督办事项：${item.title}（时限 ${item.dueDate}）` },
  remind: { kind: 'remind', title: (item) => `督办催办：${item.title}（时限 ${item.dueDate}）` },
  overdue: { kind: 'overdue', title: (item) => `督办事项已逾期：${item.title}` },
  grantExtension: { kind: 'approval', title: (item) => `延期申请已同意：${item.title}` },
  refuseExtension: { kind: 'approval', title: (item) => `延期申请未同意：${item.title}` },
  close: { kind: 'approval', title: (item) => `办结申请已审核通过：${item.title}` },
  returnClosure: { kind: 'approval', title: (item) => `办结申请被退回：${item.title}` },
}

/** Acts the supervision office must answer or follow (督查部门): requests to decide, items overdue. */
const FOR_THE_OFFICE: Record<
  string,
  { kind: NotificationKind; title: (item: { title: string }) => string }
> = {
  requestExtension: { kind: 'task', title: (item) => `延期申请待审核：${item.title}` },
  requestClosure: { kind: 'task', title: (item) => `办结申请待审核：${item.title}` },
  overdue: { kind: 'overdue', title: (item) => `督办事项已逾期，请督办：${item.title}` },
}

/**
 * The messages a ledger act sends, written by `recordSupervisionAct` in the act's transaction: a
 * new item to the lead and co-operating units, 催办 and 逾期 and the decisions on extensions and
 * closure to the lead unit; requests to decide and items overdue to the supervision office.
 */
export async function notifySupervisionAct(
  r: Repositories,
  act: {
    item: Pick<SupervisionItem, 'id' | 'jurisdictionId' | 'title' | 'dueDate'> &
      Partial<Pick<SupervisionItem, 'leadDepartmentId' | 'coDepartmentIds' | 'secrecy'>>
    action: string
    at: string
    text?: string | null
  },
): Promise<void> {
  const forOffice = FOR_THE_OFFICE[act.action]
  if (forOffice) {
    const on = shanghaiDateOf(Date.parse(act.at))
    const offices = (await r.organisation.postsOf(act.item.jurisdictionId, on)).filter(
      (post) => post.role === 'supervisionOffice',
    )
    await r.notifications.notifyAll(
      offices.map((office) => ({
        jurisdictionId: act.item.jurisdictionId,
        recipient: { postId: office.postId },
        kind: forOffice.kind,
        title: forOffice.title(act.item),
        body: act.text ?? '',
        link: `/supervision/${act.item.id}`,
        secrecy: act.item.secrecy,
        at: act.at,
        ...(act.action === 'overdue'
          ? { dedupeKey: `supervision-overdue:${act.item.id}:${act.item.dueDate}:${office.postId}` }
          : {}),
      })),
    )
  }
  const message = MESSAGES[act.action]
  if (!message || !act.item.leadDepartmentId) return
  const units =
    act.action === 'create'
      ? [act.item.leadDepartmentId, ...(act.item.coDepartmentIds ?? [])]
      : [act.item.leadDepartmentId]
  const notifications = [...new Set(units)].map((departmentId): NewNotification => ({
    jurisdictionId: act.item.jurisdictionId,
    recipient: { departmentId },
    kind: message.kind,
    title: message.title(act.item),
    body: act.text ?? '',
    link: `/supervision/${act.item.id}`,
    secrecy: act.item.secrecy,
    at: act.at,
    // The scan marks an item per due date; the message follows the same key.
    ...(act.action === 'remind' || act.action === 'overdue'
      ? {
          dedupeKey: `supervision-${act.action}:${act.item.id}:${act.item.dueDate}:${departmentId}`,
        }
      : {}),
  }))
  // One statement for the units' messages (notifyAll), not one each.
  await r.notifications.notifyAll(notifications)
}
