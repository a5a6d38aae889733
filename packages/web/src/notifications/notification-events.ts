import type { NotificationItem, NotificationKind } from '../api/notifications.ts'

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  task: '新待办',
  remind: '催办',
  overdue: '逾期',
  meeting: '会议通知',
  approval: '审批结果',
  incident: '突发事件',
  incidentOverdue: '报送超时',
  opinion: '政务舆情',
  dutyRoster: '值班安排',
}

export const NOTIFICATION_KIND_COLORS: Record<NotificationKind, string> = {
  task: 'blue',
  remind: 'orange',
  overdue: 'red',
  meeting: 'purple',
  approval: 'green',
  incident: 'volcano',
  incidentOverdue: 'red',
  opinion: 'magenta',
  dutyRoster: 'cyan',
}

/**
 * The bell and the 消息中心 page speak through two window events, so the page needs no provider
 * around the layout: the bell announces what the stream pushed, the page announces what it marked.
 */
const ARRIVED = 'zhengling:notification'
const UNREAD = 'zhengling:unread'

export function announceArrival(item: NotificationItem, unread: number): void {
  window.dispatchEvent(new CustomEvent(ARRIVED, { detail: { item, unread } }))
}

export function onArrival(listener: (item: NotificationItem, unread: number) => void): () => void {
  const handler = (event: Event) => {
    const { item, unread } = (event as CustomEvent<{ item: NotificationItem; unread: number }>)
      .detail
    listener(item, unread)
  }
  window.addEventListener(ARRIVED, handler)
  return () => window.removeEventListener(ARRIVED, handler)
}

export function announceUnread(unread: number): void {
  window.dispatchEvent(new CustomEvent(UNREAD, { detail: unread }))
}

export function onUnread(listener: (unread: number) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<number>).detail)
  window.addEventListener(UNREAD, handler)
  return () => window.removeEventListener(UNREAD, handler)
}
