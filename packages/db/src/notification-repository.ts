import {
  type DocumentRepository,
  type DocumentTask,
  type NewNotification,
  notificationOfOpenedTask,
  type NotificationAudience,
  type NotificationPreferences,
  type NotificationRepository,
  type NotificationView,
  rankOf,
  SECRECY_LEVELS,
  URGENT_NOTIFICATION_KINDS,
} from '@zhengling/app'
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely'
import { jobValues, type ScheduledJob, scheduleJob } from './job-queue.ts'
import { taskValues } from './document-repository.ts'
import type { Database } from './schema.ts'

/** The job that sends one delivery (ADR 0013). */
export const NOTIFICATION_DELIVERY_JOB = 'notification.deliver'
/**
 * The same job for the duty office's alerts (突发事件, 报送超时, 政务舆情): the worker takes it
 * before any other due job (`firstKinds`), so an alert is not queued behind a backlog of 催办.
 */
export const NOTIFICATION_URGENT_DELIVERY_JOB = 'notification.deliverUrgent'
/** Attempts before a delivery is given up (dead letter); backoff doubles between them. */
export const NOTIFICATION_DELIVERY_ATTEMPTS = 6

const iso = (value: Date | string) => new Date(value).toISOString()

/**
 * The messages a person answers for: their own, their posts' (held or acting), their units' —
 * none about a record above their clearance (a message carries its record's 密级).
 */
function addressedTo(audience: NotificationAudience) {
  const cleared = SECRECY_LEVELS.filter((level) => rankOf(level) <= rankOf(audience.clearance))
  return (eb: ExpressionBuilder<Database, 'notifications'>) =>
    eb.and([
      eb('notifications.secrecy', 'in', cleared),
      eb.or([
        eb('notifications.recipient_person_id', '=', audience.personId),
        ...(audience.postIds.length > 0
          ? [eb('notifications.recipient_post_id', 'in', [...audience.postIds])]
          : []),
        ...(audience.departmentIds.length > 0
          ? [eb('notifications.recipient_department_id', 'in', [...audience.departmentIds])]
          : []),
      ]),
    ])
}

/**
 * Whether the person of `np` is reached today by the message `sent` (the day of its creation in
 * Asia/Shanghai): the person named; a post's holders and those of the post acting for it; a
 * unit's post-holders.
 */
const REACHES = sql<boolean>`np.person_id = sent.recipient_person_id
  or np.person_id in (
    select ph.person_id from post_holdings ph
    where ph.post_id in (
        select sent.recipient_post_id
        union select a.acting_post_id from acting_assignments a
          where a.post_id = sent.recipient_post_id
            and a.from_date <= sent.on_date and a.to_date >= sent.on_date
        union select p.id from posts p where p.department_id = sent.recipient_department_id)
      and ph.from_date <= sent.on_date
      and (ph.to_date is null or ph.to_date >= sent.on_date))`

/** One message's deliveries to one person: a delivery and its job per outside channel chosen. */
async function deliver(
  db: Kysely<Database>,
  notification: NewNotification,
  notificationId: string,
  preference: Selectable<Database['notification_preferences']>,
): Promise<void> {
  const channels = [
    ...(preference.email_enabled && preference.email_address
      ? [{ channel: 'email' as const, address: preference.email_address }]
      : []),
    ...(preference.webhook_enabled && preference.webhook_recipient
      ? [{ channel: 'webhook' as const, address: preference.webhook_recipient }]
      : []),
  ]
  for (const { channel, address } of channels) {
    const delivery = await db
      .insertInto('notification_deliveries')
      .values({
        notification_id: notificationId,
        person_id: preference.person_id,
        channel,
        address,
        created_at: notification.at,
      })
      .onConflict((conflict) =>
        conflict.columns(['notification_id', 'person_id', 'channel']).doNothing(),
      )
      .returning('id')
      .executeTakeFirst()
    if (!delivery) continue
    await scheduleJob(db, {
      kind: URGENT_NOTIFICATION_KINDS.includes(notification.kind)
        ? NOTIFICATION_URGENT_DELIVERY_JOB
        : NOTIFICATION_DELIVERY_JOB,
      runAt: notification.at,
      jurisdictionId: notification.jurisdictionId,
      payload: { deliveryId: String(delivery.id) },
      dedupeKey: `notification-delivery:${delivery.id}`,
      maxAttempts: NOTIFICATION_DELIVERY_ATTEMPTS,
    })
  }
}

/**
 * Writes messages in one statement (but those whose dedupe key already was), each with the
 * outside channels chosen by the people it reaches on its day; with `opening`, the tasks the
 * messages announce and their timers are inserted by the same statement (issue 14: one round
 * trip for an act's new work). Then the outbox of each chosen channel, if any.
 */
async function writeMessages(
  db: Kysely<Database>,
  notifications: readonly NewNotification[],
  opening?: { tasks: readonly DocumentTask[]; timers: readonly ScheduledJob[] },
): Promise<void> {
  if (notifications.length === 0) return
  const written = notifications.map((notification) => ({ notification, id: crypto.randomUUID() }))
  const tasks = opening?.tasks ?? []
  const timers = opening?.timers ?? []
  const chosen = await db
    .with('opened_tasks', (w) =>
      tasks.length > 0
        ? w.insertInto('document_tasks').values(tasks.map(taskValues)).returning('id')
        : w.selectNoFrom(sql<string>`null`.as('id')).where(sql<boolean>`false`),
    )
    .with('scheduled_timers', (w) =>
      timers.length > 0
        ? w
            .insertInto('jobs')
            .values(timers.map(jobValues))
            .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
            .returning(sql<string>`id::text`.as('id'))
        : w.selectNoFrom(sql<string>`null`.as('id')).where(sql<boolean>`false`),
    )
    .with('inserted', (w) =>
      w
        .insertInto('notifications')
        .values(
          written.map(({ notification, id }) => {
            const recipient = notification.recipient
            return {
              id,
              jurisdiction_id: notification.jurisdictionId,
              recipient_post_id: 'postId' in recipient ? recipient.postId : null,
              recipient_department_id: 'departmentId' in recipient ? recipient.departmentId : null,
              recipient_person_id: 'personId' in recipient ? recipient.personId : null,
              kind: notification.kind,
              title: notification.title.slice(0, 300),
              body: notification.body ?? '',
              link: notification.link,
              secrecy: notification.secrecy,
              created_at: notification.at,
              dedupe_key: notification.dedupeKey ?? null,
            }
          }),
        )
        .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
        .returning([
          'id',
          'recipient_post_id',
          'recipient_department_id',
          'recipient_person_id',
          sql<string>`(created_at at time zone 'Asia/Shanghai')::date`.as('on_date'),
        ]),
    )
    .selectFrom('inserted as sent')
    .innerJoin('notification_preferences as np', (join) => join.on(REACHES))
    .selectAll('np')
    .select('sent.id as notification_id')
    .execute()
  // The outbox: each outside channel a person chose gets a delivery and the job that sends it,
  // committed with the act or not at all.
  for (const preference of chosen) {
    const sent = written.find((each) => each.id === preference.notification_id)
    if (sent) await deliver(db, sent.notification, sent.id, preference)
  }
}

export function createNotificationRepository(db: Kysely<Database>): NotificationRepository {
  return {
    notify: (notification) => writeMessages(db, [notification]),
    notifyAll: (notifications) => writeMessages(db, notifications),

    async list(audience, options) {
      let query = db
        .selectFrom('notifications')
        .leftJoin('notification_reads as reads', (join) =>
          join
            .onRef('reads.notification_id', '=', 'notifications.id')
            .on('reads.person_id', '=', audience.personId),
        )
        .leftJoin('posts', 'posts.id', 'notifications.recipient_post_id')
        .leftJoin('departments', 'departments.id', 'notifications.recipient_department_id')
        .select([
          'notifications.id',
          'notifications.seq',
          'notifications.kind',
          'notifications.title',
          'notifications.body',
          'notifications.link',
          'notifications.created_at',
          'reads.read_at',
          'posts.title as post_title',
          'departments.name as department_name',
        ])
        .where(addressedTo(audience))
      if (options.unreadOnly) query = query.where('reads.read_at', 'is', null)
      if (options.afterSeq !== undefined)
        query = query.where('notifications.seq', '>', String(options.afterSeq) as never)
      const rows = await query.orderBy('notifications.seq', 'desc').limit(options.limit).execute()
      return rows.map((row): NotificationView => ({
        id: row.id,
        seq: Number(row.seq),
        kind: row.kind,
        title: row.title,
        body: row.body,
        link: row.link,
        createdAt: iso(row.created_at),
        readAt: row.read_at ? iso(row.read_at) : null,
        addressedTo: row.post_title ?? row.department_name ?? null,
      }))
    },

    async unreadCount(audience) {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where(addressedTo(audience))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('notification_reads')
                .select(sql.lit(1).as('one'))
                .whereRef('notification_reads.notification_id', '=', 'notifications.id')
                .where('notification_reads.person_id', '=', audience.personId),
            ),
          ),
        )
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },

    async markRead(audience, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0
      let mine = db.selectFrom('notifications').select('id').where(addressedTo(audience))
      if (ids !== 'all') mine = mine.where('id', 'in', [...ids])
      const result = await db
        .insertInto('notification_reads')
        .columns(['notification_id', 'person_id', 'read_at'])
        .expression(
          mine.select([sql.lit(audience.personId).as('person_id'), sql.lit(at).as('read_at')]),
        )
        .onConflict((conflict) => conflict.columns(['notification_id', 'person_id']).doNothing())
        .executeTakeFirst()
      return Number(result.numInsertedOrUpdatedRows ?? 0)
    },

    async preferences(personId) {
      const row = await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('person_id', '=', personId)
        .executeTakeFirst()
      return {
        email: { enabled: row?.email_enabled ?? false, address: row?.email_address ?? null },
        webhook: {
          enabled: row?.webhook_enabled ?? false,
          recipientId: row?.webhook_recipient ?? null,
        },
      }
    },

    async setPreferences(personId, preferences: NotificationPreferences, at) {
      const values = {
        email_enabled: preferences.email.enabled,
        email_address: preferences.email.address,
        webhook_enabled: preferences.webhook.enabled,
        webhook_recipient: preferences.webhook.recipientId,
        updated_at: at,
      }
      await db
        .insertInto('notification_preferences')
        .values({ person_id: personId, ...values })
        .onConflict((conflict) => conflict.column('person_id').doUpdateSet(values))
        .execute()
    },
  }
}

/** The newest message's position: live streams compare it before asking for their own. */
export async function latestNotificationSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/**
 * The documents' store whose `openTask` also writes the new task's message in the same
 * transaction (in the same statement as the task and its timers): the one place every document
 * step opens work, so no use case repeats it.
 */
export function withTaskNotifications(
  documents: DocumentRepository,
  db: Kysely<Database>,
): DocumentRepository {
  async function openTaskBatch(
    tasks: readonly DocumentTask[],
    document?: Parameters<DocumentRepository['openTaskBatch']>[1],
    timers: Parameters<DocumentRepository['openTaskBatch']>[2] = [],
  ) {
    const [first] = tasks
    if (!first) return
    const record = document ?? (await documentOf(db, first.documentId))
    const messages = record
      ? tasks.flatMap((task) => notificationOfOpenedTask(record, task) ?? [])
      : []
    // The tasks, their timers and their messages in one statement (without messages: as stored).
    if (messages.length > 0) await writeMessages(db, messages, { tasks, timers })
    else await documents.openTaskBatch(tasks, document, timers)
  }
  return {
    ...documents,
    openTask: (task) => openTaskBatch([task]),
    openTaskBatch,
  }
}

/** What a task's message says of its document (when the caller does not hold it). */
async function documentOf(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'jurisdiction_id', 'title', 'secrecy'])
    .where('id', '=', id)
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      jurisdictionId: row.jurisdiction_id,
      title: row.title,
      secrecy: row.secrecy,
    }
  )
}
