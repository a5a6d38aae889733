import { viewerOfSession } from '../access/viewer-of-session.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { NotificationAudience } from './notification.ts'

/**
 * Whose messages a signed-in person reads today: their own, those of every post they hold or act
 * for (代理), and those of those posts' units, up to their clearance (a message about a 秘密
 * document is not shown to a reader cleared for 内部). Administrators (三员分立) have none.
 */
export async function notificationAudience(
  r: Pick<Repositories, 'organisation'>,
  session: SessionRecord,
  now: Date,
): Promise<NotificationAudience> {
  const viewer = await viewerOfSession(r.organisation, session, now)
  return {
    personId: session.personId as string,
    postIds: viewer.postIds,
    departmentIds: viewer.departmentIds,
    clearance: viewer.clearance,
  }
}
