import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { notificationAudience } from './notification-audience.ts'
import type { NotificationView } from './notification.ts'

/** 消息中心: the person's messages, latest first, with the unread count for the bell. */
export async function listNotifications(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  options: { unreadOnly?: boolean; limit?: number; afterSeq?: number } = {},
): Promise<{ unread: number; items: NotificationView[] }> {
  const audience = await notificationAudience(r, session, deps.now())
  const [unread, items] = await Promise.all([
    r.notifications.unreadCount(audience),
    r.notifications.list(audience, {
      limit: Math.min(Math.max(options.limit ?? 50, 1), 200),
      unreadOnly: options.unreadOnly,
      afterSeq: options.afterSeq,
    }),
  ])
  return { unread, items }
}
