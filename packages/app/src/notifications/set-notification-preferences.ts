import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import type { NotificationPreferences, OutboundChannelName } from './notification.ts'

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/
const GATEWAY_ID = /^[\w.@:-]{1,128}$/

/**
 * 接收设置: 站内 always; e-mail to an address the person gives; the messaging gateway under the
 * id it knows them by. A channel the deployment has not configured cannot be turned on. Audited.
 */
export async function setNotificationPreferences(
  deps: {
    inTransaction: InTransaction
    now: () => Date
    hasher: Hasher
    availableChannels: readonly OutboundChannelName[]
  },
  session: SessionRecord,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  const personId = session.personId
  if (!personId)
    throw new NotPermittedError('NOT_A_POST_HOLDER', '管理员账户不接收业务消息（三员分立）')
  const address = input.email.address?.trim() || null
  const recipientId = input.webhook.recipientId?.trim() || null
  const issues: { path: string; message: string }[] = []
  if (address !== null && (address.length > 254 || !EMAIL.test(address)))
    issues.push({ path: '/email/address', message: '电子邮箱地址格式不正确' })
  if (input.email.enabled && address === null)
    issues.push({ path: '/email/address', message: '开启邮件提醒须填写电子邮箱地址' })
  if (recipientId !== null && !GATEWAY_ID.test(recipientId))
    issues.push({
      path: '/webhook/recipientId',
      message: '消息网关账号只能由字母、数字和 . _ - @ : 组成，不超过 128 个字符',
    })
  if (input.webhook.enabled && recipientId === null)
    issues.push({ path: '/webhook/recipientId', message: '开启消息网关提醒须填写网关账号' })
  for (const channel of ['email', 'webhook'] as const)
    if (input[channel].enabled && !deps.availableChannels.includes(channel))
      issues.push({
        path: `/${channel}/enabled`,
        message: `本系统未配置${channel === 'email' ? '邮件' : '消息网关'}通道，无法开启`,
      })
  if (issues.length > 0)
    throw new InvalidInputError(
      'INVALID_INPUT',
      `接收设置有误：${issues.map((issue) => issue.message).join('；')}`,
      issues,
    )
  const preferences: NotificationPreferences = {
    email: { enabled: input.email.enabled, address },
    webhook: { enabled: input.webhook.enabled, recipientId },
  }
  return deps.inTransaction(async (r) => {
    const at = deps.now().toISOString()
    const jurisdictionId = await r.organisation.jurisdictionOf(personId)
    if (!jurisdictionId)
      throw new NotPermittedError('NOT_A_POST_HOLDER', '该账户不属于任何辖区的任职人员')
    await r.notifications.setPreferences(personId, preferences, at)
    await r.audit.append(
      auditEntry({
        jurisdictionId,
        occurredAt: at,
        actorPersonId: personId,
        actorPostId: session.currentPostId,
        action: 'notification.preferences',
        subject: personId,
        details: {
          email: preferences.email.enabled,
          webhook: preferences.webhook.enabled,
        },
      }),
      deps.hasher,
    )
    return preferences
  })
}
