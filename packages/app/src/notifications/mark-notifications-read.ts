import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { notificationAudience } from './notification-audience.ts'

/**
 * 标为已读: one message, several, or all. Read is per person: a post's message read by its
 * holder stays unread for whoever acts for the post.
 */
export async function markNotificationsRead(
  deps: { inTransaction: InTransaction; now: () => Date },
  session: SessionRecord,
  which: { ids: readonly string[] } | { all: true },
): Promise<{ marked: number; unread: number }> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const audience = await notificationAudience(r, session, now)
    const marked = await r.notifications.markRead(
      audience,
      'all' in which ? 'all' : which.ids,
      now.toISOString(),
    )
    return { marked, unread: await r.notifications.unreadCount(audience) }
  })
}
