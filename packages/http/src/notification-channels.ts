import { createHmac, timingSafeEqual } from 'node:crypto'
import type { NotificationChannel, OutboundMessage } from '@zhengling/app'
import { NOTIFICATION_KIND_LABELS } from '@zhengling/app'
import nodemailer from 'nodemailer'

/** Headers of the signed webhook (docs/operations.md). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-zhengling-signature'
export const WEBHOOK_TIMESTAMP_HEADER = 'x-zhengling-timestamp'
export const WEBHOOK_IDEMPOTENCY_HEADER = 'idempotency-key'

/** How long a channel may take before the attempt counts as failed (and is retried). */
const SEND_TIMEOUT_MS = 10_000

/** The text of a message outside the system: what, and where to read it. */
function textOf(message: OutboundMessage): string {
  return [
    `${message.personName}：`,
    `【${NOTIFICATION_KIND_LABELS[message.kind]}】${message.title}`,
    message.body,
    message.link ? `请登录政令系统办理：${message.link}` : '请登录政令系统办理。',
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * E-mail over SMTP (nodemailer). The notification's id is the Message-ID, so a message sent again
 * after a crash between sending and recording is recognisably the same one (ADR 0013).
 */
export function smtpChannel(config: {
  /** smtp://user:pass@host:port or smtps://…; or host and port. */
  url?: string
  host?: string
  port?: number
  from: string
}): NotificationChannel {
  const timeouts = {
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  }
  const transport = config.url
    ? nodemailer.createTransport(config.url, timeouts)
    : nodemailer.createTransport({
        host: config.host,
        port: config.port ?? 25,
        ...timeouts,
      })
  const domain = config.from.split('@')[1]?.replace(/[>\s]/g, '') || 'zhengling.local'
  return {
    name: 'email',
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: message.address,
        subject: `【${NOTIFICATION_KIND_LABELS[message.kind]}】${message.title}`,
        text: textOf(message),
        messageId: `<${message.idempotencyKey}@${domain}>`,
        headers: { 'X-Zhengling-Notification': message.notificationId },
      })
    },
  }
}

/** The signature a gateway checks: HMAC-SHA256 over `timestamp.body` with the deployment's secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** For gateways (and tests): the signature matches and the timestamp is within `toleranceSeconds`. */
export function verifyWebhookSignature(input: {
  secret: string
  timestamp: string | undefined
  body: string
  signature: string | undefined
  now: Date
  toleranceSeconds?: number
}): boolean {
  if (!input.timestamp || !input.signature) return false
  const sent = Number(input.timestamp)
  if (!Number.isFinite(sent)) return false
  if (Math.abs(input.now.getTime() / 1000 - sent) > (input.toleranceSeconds ?? 300)) return false
  const expected = Buffer.from(webhookSignature(input.secret, input.timestamp, input.body))
  const given = Buffer.from(input.signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * A signed webhook for messaging gateways (企业微信-style): POST JSON to the deployment's gateway,
 * naming the person by the gateway id they gave. Any answer but 2xx is a failure to retry. The
 * `Idempotency-Key` header and `id` field let the gateway drop a repeat.
 */
export function webhookChannel(config: {
  url: string
  secret: string
  now?: () => Date
}): NotificationChannel {
  return {
    name: 'webhook',
    async send(message) {
      const body = JSON.stringify({
        id: message.idempotencyKey,
        notificationId: message.notificationId,
        recipient: message.address,
        kind: message.kind,
        kindLabel: NOTIFICATION_KIND_LABELS[message.kind],
        title: message.title,
        text: textOf(message),
        link: message.link,
        createdAt: message.createdAt,
      })
      const timestamp = String(Math.floor((config.now?.() ?? new Date()).getTime() / 1000))
      const response = await fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(config.secret, timestamp, body),
          [WEBHOOK_IDEMPOTENCY_HEADER]: message.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      })
      await response.body?.cancel()
      if (!response.ok) throw new Error(`消息网关答复 HTTP ${response.status}`)
    },
  }
}

/**
 * The outside channels the environment configures (docs/operations.md):
 * ZHENGLING_SMTP_URL, or ZHENGLING_SMTP_HOST and ZHENGLING_SMTP_PORT, with ZHENGLING_SMTP_FROM;
 * ZHENGLING_WEBHOOK_URL with ZHENGLING_WEBHOOK_SECRET. Half a configuration is an error at start.
 */
export function channelsFromEnv(env: Record<string, string | undefined>): NotificationChannel[] {
  const channels: NotificationChannel[] = []
  const smtpUrl = env.ZHENGLING_SMTP_URL
  const smtpHost = env.ZHENGLING_SMTP_HOST
  if (smtpUrl || smtpHost) {
    const from = env.ZHENGLING_SMTP_FROM
    if (!from) throw new Error('已配置邮件服务器，但缺少发件人地址 ZHENGLING_SMTP_FROM')
    const port = env.ZHENGLING_SMTP_PORT ? Number(env.ZHENGLING_SMTP_PORT) : undefined
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
      throw new Error('ZHENGLING_SMTP_PORT 须为 1～65535 的端口号')
    channels.push(smtpChannel({ url: smtpUrl, host: smtpHost, port, from }))
  }
  if (env.ZHENGLING_WEBHOOK_URL) {
    const secret = env.ZHENGLING_WEBHOOK_SECRET
    if (!secret || secret.length < 16)
      throw new Error('已配置消息网关，但缺少签名密钥 ZHENGLING_WEBHOOK_SECRET（至少 16 个字符）')
    channels.push(webhookChannel({ url: env.ZHENGLING_WEBHOOK_URL, secret }))
  }
  return channels
}
