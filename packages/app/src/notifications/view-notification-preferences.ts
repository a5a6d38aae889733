import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { NotificationPreferences, OutboundChannelName } from './notification.ts'

/** The person's channels, and which outside channels this deployment offers. */
export async function viewNotificationPreferences(
  r: Repositories,
  deps: { availableChannels: readonly OutboundChannelName[] },
  session: SessionRecord,
): Promise<NotificationPreferences & { available: OutboundChannelName[] }> {
  if (!session.personId)
    throw new NotPermittedError('NOT_A_POST_HOLDER', '管理员账户不接收业务消息（三员分立）')
  return {
    ...(await r.notifications.preferences(session.personId)),
    available: [...deps.availableChannels],
  }
}
