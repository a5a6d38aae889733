import {
  type DocumentRepository,
  type NewNotification,
  notificationOfOpenedTask,
  type NotificationAudience,
  type NotificationPreferences,
  type NotificationRepository,
  type NotificationView,
  rankOf,
  SECRECY_LEVELS,
} from '@zhengling/app'
import { shanghaiDateOf } from '@zhengling/rules'
import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import { scheduleJob } from './job-queue.ts'
import type { Database } from './schema.ts'

/** The job that sends one delivery (ADR 0013). */
export const NOTIFICATION_DELIVERY_JOB = 'notification.deliver'
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

/** The people a message reaches today: a post's holders and those of the post acting for it; a unit's post-holders. */
async function peopleReached(
  db: Kysely<Database>,
  notification: NewNotification,
  on: string,
): Promise<string[]> {
  const recipient = notification.recipient
  if ('personId' in recipient) return [recipient.personId]
  const postIds =
    'postId' in recipient
      ? [
          recipient.postId,
          ...(
            await db
              .selectFrom('acting_assignments')
              .select('acting_post_id')
              .where('post_id', '=', recipient.postId)
              .where('from_date', '<=', on)
              .where('to_date', '>=', on)
              .execute()
          ).map((row) => row.acting_post_id),
        ]
      : (
          await db
            .selectFrom('posts')
            .select('id')
            .where('department_id', '=', recipient.departmentId)
            .execute()
        ).map((row) => row.id)
  if (postIds.length === 0) return []
  const holders = await db
    .selectFrom('post_holdings')
    .select('person_id')
    .distinct()
    .where('post_id', 'in', postIds)
    .where('from_date', '<=', on)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]))
    .execute()
  return holders.map((row) => row.person_id)
}

export function createNotificationRepository(db: Kysely<Database>): NotificationRepository {
  return {
    async notify(notification) {
      const recipient = notification.recipient
      const inserted = await db
        .insertInto('notifications')
        .values({
          id: crypto.randomUUID(),
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
        })
        .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!inserted) return
      const people = await peopleReached(
        db,
        notification,
        shanghaiDateOf(new Date(notification.at).getTime()),
      )
      if (people.length === 0) return
      const chosen = await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('person_id', 'in', people)
        .execute()
      // The outbox: each outside channel a person chose gets a delivery and the job that sends
      // it, committed with the act or not at all.
      for (const preference of chosen) {
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
              notification_id: inserted.id,
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
            kind: NOTIFICATION_DELIVERY_JOB,
            runAt: notification.at,
            jurisdictionId: notification.jurisdictionId,
            payload: { deliveryId: String(delivery.id) },
            dedupeKey: `notification-delivery:${delivery.id}`,
            maxAttempts: NOTIFICATION_DELIVERY_ATTEMPTS,
          })
        }
      }
    },

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
 * transaction: the one place every document step opens work, so no use case repeats it.
 */
export function withTaskNotifications(
  documents: DocumentRepository,
  db: Kysely<Database>,
  notifications: NotificationRepository,
): DocumentRepository {
  return {
    ...documents,
    async openTask(task) {
      await documents.openTask(task)
      const document = await db
        .selectFrom('documents')
        .select(['id', 'jurisdiction_id', 'title', 'secrecy'])
        .where('id', '=', task.documentId)
        .executeTakeFirst()
      if (!document) return
      const notification = notificationOfOpenedTask(
        {
          id: document.id,
          jurisdictionId: document.jurisdiction_id,
          title: document.title,
          secrecy: document.secrecy,
        },
        task,
      )
      if (notification) await notifications.notify(notification)
    },
  }
}
