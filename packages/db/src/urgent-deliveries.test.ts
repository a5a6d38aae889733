import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  type NewNotification,
  type NotificationChannel,
  type NotificationKind,
  type OutboundMessage,
  URGENT_NOTIFICATION_KINDS,
} from '@zhengling/app'
import { runDueJobs, scheduleJobs } from './job-queue.ts'
import { notificationDeliveryHandlers, URGENT_JOB_KINDS } from './notification-delivery.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createInTransaction } from './repositories.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

// Issue 16, item 6: the notification channels carry the duty office's alerts (突发事件, 报送超时,
// 政务舆情) first. Their deliveries are jobs the worker takes before any other due job, so an
// alert written after a backlog of 催办 is sent before it; the rest keep their order.
let handle: DatabaseHandle
const jurisdictionId = `urgent-${randomUUID().slice(0, 8)}`
const person = randomUUID()

before(async () => {
  handle = await openTestDatabase()
  await handle.db
    .insertInto('jurisdictions')
    .values({ id: jurisdictionId, name: '测试县', level: 'county', rulebook_version: 'test' })
    .execute()
  await handle.db
    .insertInto('people')
    .values({ id: person, jurisdiction_id: jurisdictionId, name: '值班员甲' })
    .execute()
  await handle.db
    .insertInto('notification_preferences')
    .values({
      person_id: person,
      email_enabled: true,
      email_address: 'duty@example.gov.cn',
      webhook_enabled: false,
      webhook_recipient: null,
      updated_at: new Date().toISOString(),
    })
    .execute()
})
after(() => handle?.close())

const message = (kind: NotificationKind, title: string, at: string): NewNotification => ({
  jurisdictionId,
  recipient: { personId: person },
  kind,
  title,
  link: null,
  at,
})

describe('urgent deliveries', () => {
  it('send the duty alerts before an older backlog, each once, the rest in order', async () => {
    const inTransaction = createInTransaction(handle.db)
    // A backlog of 催办 and tasks from 09:00, then at 09:05 one alert of each urgent kind.
    const backlog = ['task', 'remind', 'overdue', 'meeting', 'approval'] as const
    await inTransaction((r) =>
      r.notifications.notifyAll(
        backlog.map((kind, index) =>
          message(kind, `积压${index}`, `2026-10-01T01:00:0${index}.000Z`),
        ),
      ),
    )
    await inTransaction((r) =>
      r.notifications.notifyAll(
        URGENT_NOTIFICATION_KINDS.map((kind) =>
          message(kind, `警报${kind}`, '2026-10-01T01:05:00.000Z'),
        ),
      ),
    )
    // An unrelated timer due long before, too (a 催办 timer of some document).
    const ran: string[] = []
    await scheduleJobs(handle.db, [
      { kind: 'test.old', runAt: '2026-09-30T00:00:00.000Z', dedupeKey: `old:${randomUUID()}` },
    ])
    const sent: OutboundMessage[] = []
    const channel: NotificationChannel = {
      name: 'email',
      send: async (outbound) => {
        sent.push(outbound)
      },
    }
    const deliveries = notificationDeliveryHandlers({
      channels: [channel],
      now: () => new Date('2026-10-01T01:06:00.000Z'),
    })
    const tick = (limit: number) =>
      runDueJobs(handle.db, {
        handlers: {
          ...deliveries.handlers,
          'test.old': async (job) => {
            ran.push(job.kind)
          },
        },
        now: () => new Date('2026-10-01T01:06:00.000Z'),
        onFailure: deliveries.onFailure,
        limit,
        firstKinds: URGENT_JOB_KINDS,
      })
    // A tick that can take only as many jobs as there are alerts sends the alerts, nothing else.
    assert.equal(await tick(URGENT_NOTIFICATION_KINDS.length), URGENT_NOTIFICATION_KINDS.length)
    assert.deepEqual(sent.map((each) => each.kind).sort(), [...URGENT_NOTIFICATION_KINDS].sort())
    assert.deepEqual(ran, [])
    // The next tick: the old timer and the backlog in their order; nothing sent twice.
    assert.equal(await tick(100), backlog.length + 1)
    assert.deepEqual(ran, ['test.old'])
    assert.deepEqual(
      sent.slice(URGENT_NOTIFICATION_KINDS.length).map((each) => each.title),
      backlog.map((_, index) => `积压${index}`),
    )
    assert.equal(await tick(100), 0)
    assert.equal(new Set(sent.map((each) => each.notificationId)).size, sent.length)
  })

  it('takes firstKinds first under a limit, then the rest in due order', async () => {
    const ran: string[] = []
    const key = randomUUID()
    await scheduleJobs(handle.db, [
      { kind: 'test.b', runAt: '2026-10-02T00:00:02.000Z', dedupeKey: `${key}:b` },
      { kind: 'test.a', runAt: '2026-10-02T00:00:01.000Z', dedupeKey: `${key}:a` },
    ])
    const handlers = {
      'test.a': async () => void ran.push('a'),
      'test.b': async () => void ran.push('b'),
    }
    const now = () => new Date('2026-10-02T00:01:00.000Z')
    assert.equal(
      await runDueJobs(handle.db, { handlers, now, limit: 1, firstKinds: ['test.b'] }),
      1,
    )
    assert.deepEqual(ran, ['b'])
    assert.equal(await runDueJobs(handle.db, { handlers, now }), 1)
    assert.deepEqual(ran, ['b', 'a'])
  })
})
