import type { NotificationChannel, OutboundMessage } from '@zhengling/app'
import type { Transaction } from 'kysely'
import type { DueJob, JobHandler } from './job-queue.ts'
import {
  NOTIFICATION_DELIVERY_JOB,
  NOTIFICATION_URGENT_DELIVERY_JOB,
} from './notification-repository.ts'
import type { Database } from './schema.ts'

export interface DeliveryDeps {
  /** The outside channels this deployment configured (SMTP, the messaging gateway). */
  channels: readonly NotificationChannel[]
  now: () => Date
  /** The web app's public address, so a message links to its item; none: the path alone. */
  publicUrl?: string
}

/**
 * The jobs a worker takes before any other due one (`runDueJobs`' `firstKinds`, issue 16): the
 * duty office's alerts' deliveries, and the timers that raise those alerts when a reporting or
 * response deadline passes (contract C4), so escalation is not queued behind a backlog.
 */
export const URGENT_JOB_KINDS: readonly string[] = [
  NOTIFICATION_URGENT_DELIVERY_JOB,
  'incident.stepDue',
  'incident.followUpDue',
  'opinion.stepDue',
]

/** Above 内部, a message outside the system names no title: the person signs in to read it. */
const WITHHELD_TITLE = '您有一条涉密事项的消息，请登录系统查看'

/**
 * Sends one delivery inside its job's transaction (ADR 0013): the row is locked, a delivery
 * already sent is left alone, the channel is called with the notification's id as its
 * idempotency key, and `sent` commits with the job's completion. A failure throws, so the job
 * queue retries it with backoff; `deliveryFailed` records each failure and the dead letter.
 */
export function notificationDeliveryHandlers(deps: DeliveryDeps): {
  handlers: Record<string, JobHandler>
  onFailure: (
    job: DueJob,
    error: Error,
    final: boolean,
    trx: Transaction<Database>,
  ) => Promise<void>
} {
  const deliver: JobHandler = async (job, trx) => {
    const delivery = await trx
      .selectFrom('notification_deliveries as d')
      .innerJoin('notifications as n', 'n.id', 'd.notification_id')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .select([
        'd.id',
        'd.channel',
        'd.address',
        'd.status',
        'd.person_id',
        'n.id as notification_id',
        'n.kind',
        'n.title',
        'n.body',
        'n.link',
        'n.secrecy',
        'n.created_at',
        'p.name',
      ])
      .where('d.id', '=', String(job.payload.deliveryId))
      .forUpdate('d')
      .executeTakeFirst()
    if (!delivery || delivery.status === 'sent' || delivery.status === 'dead') return
    const channel = deps.channels.find((candidate) => candidate.name === delivery.channel)
    if (!channel)
      throw new Error(`本系统未配置${delivery.channel === 'email' ? '邮件' : '消息网关'}通道`)
    const withheld = delivery.secrecy === 'secret' || delivery.secrecy === 'confidential'
    const message: OutboundMessage = {
      idempotencyKey: `${delivery.notification_id}.${delivery.person_id}`,
      notificationId: delivery.notification_id,
      channel: delivery.channel,
      address: delivery.address,
      personName: delivery.name,
      kind: delivery.kind,
      title: withheld ? WITHHELD_TITLE : delivery.title,
      body: withheld ? '' : delivery.body,
      link: delivery.link ? `${deps.publicUrl?.replace(/\/$/, '') ?? ''}${delivery.link}` : null,
      createdAt: new Date(delivery.created_at).toISOString(),
    }
    await channel.send(message)
    await trx
      .updateTable('notification_deliveries')
      .set({
        status: 'sent',
        attempts: job.attempts,
        last_error: null,
        sent_at: deps.now().toISOString(),
      })
      .where('id', '=', delivery.id)
      .execute()
  }
  return {
    handlers: { [NOTIFICATION_DELIVERY_JOB]: deliver, [NOTIFICATION_URGENT_DELIVERY_JOB]: deliver },
    async onFailure(job, error, final, trx) {
      if (job.kind !== NOTIFICATION_DELIVERY_JOB && job.kind !== NOTIFICATION_URGENT_DELIVERY_JOB)
        return
      await trx
        .updateTable('notification_deliveries')
        .set({
          status: final ? 'dead' : 'retrying',
          attempts: job.attempts,
          last_error: String(error?.message ?? error).slice(0, 2000),
        })
        .where('id', '=', String(job.payload.deliveryId))
        .execute()
    },
  }
}
