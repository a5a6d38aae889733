import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { type JobHandler, runDueJobs, scheduleJob } from './job-queue.ts'
import { type DatabaseHandle, openDatabase } from './open-database.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

let handle: DatabaseHandle
before(async () => {
  const opened = await openTestDatabase()
  handle = opened
  // The owner creates the table (the application role may not); the jobs run as the app.
  await sql`create table fires (job_id bigint not null, worker text not null)`.execute(opened.owner)
})
after(() => handle.close())

let kindCounter = 0
/** A job kind of its own per test, so tests never pick up each other's jobs. */
function freshKind(): string {
  kindCounter += 1
  return `test-${kindCounter}`
}

const at = (iso: string) => () => new Date(iso)

function recordFire(worker: string): JobHandler {
  return async (job, trx) => {
    await sql`insert into fires (job_id, worker) values (${job.id}, ${worker})`.execute(trx)
  }
}

async function firesOf(kind: string) {
  const rows = await sql<{
    n: string
  }>`select count(*)::text as n from fires f join jobs j on j.id = f.job_id where j.kind = ${kind}`.execute(
    handle.db,
  )
  return Number(rows.rows[0]?.n)
}

describe('durable timers', () => {
  it('fires due jobs only, once, and later ones when their time comes', async () => {
    const kind = freshKind()
    await scheduleJob(handle.db, { kind, runAt: '2026-03-02T09:00:00+08:00' })
    await scheduleJob(handle.db, { kind, runAt: '2026-03-02T10:00:00+08:00' })
    await scheduleJob(handle.db, { kind, runAt: '2026-03-03T09:00:00+08:00' })
    const handlers = { [kind]: recordFire('a') }
    assert.equal(await runDueJobs(handle.db, { handlers, now: at('2026-03-02T12:00:00+08:00') }), 2)
    assert.equal(await runDueJobs(handle.db, { handlers, now: at('2026-03-02T12:00:00+08:00') }), 0)
    assert.equal(await runDueJobs(handle.db, { handlers, now: at('2026-03-03T09:00:00+08:00') }), 1)
    assert.equal(await firesOf(kind), 3)
  })

  it('scheduling the same reminder twice keeps one job', async () => {
    const kind = freshKind()
    await scheduleJob(handle.db, {
      kind,
      runAt: '2026-03-02T09:00:00+08:00',
      dedupeKey: `${kind}:doc-1`,
    })
    await scheduleJob(handle.db, {
      kind,
      runAt: '2026-03-02T09:00:00+08:00',
      dedupeKey: `${kind}:doc-1`,
    })
    await runDueJobs(handle.db, {
      handlers: { [kind]: recordFire('a') },
      now: at('2026-03-02T10:00:00+08:00'),
    })
    assert.equal(await firesOf(kind), 1)
  })

  it('a failing handler leaves no writes, retries later, and gives up after max attempts', async () => {
    const kind = freshKind()
    await scheduleJob(handle.db, { kind, runAt: '2026-03-02T09:00:00+08:00', maxAttempts: 2 })
    const failing: JobHandler = async (job, trx) => {
      await recordFire('a')(job, trx)
      throw new Error('邮件服务不可用')
    }
    const options = { handlers: { [kind]: failing }, backoffMs: () => 60_000 }
    assert.equal(
      await runDueJobs(handle.db, { ...options, now: at('2026-03-02T09:00:00+08:00') }),
      1,
    )
    // Retried a minute later, not before.
    assert.equal(
      await runDueJobs(handle.db, { ...options, now: at('2026-03-02T09:00:30+08:00') }),
      0,
    )
    assert.equal(
      await runDueJobs(handle.db, { ...options, now: at('2026-03-02T09:01:00+08:00') }),
      1,
    )
    const job = await handle.db
      .selectFrom('jobs')
      .select(['state', 'attempts', 'last_error'])
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow()
    assert.deepEqual(job, { state: 'failed', attempts: 2, last_error: '邮件服务不可用' })
    assert.equal(await firesOf(kind), 0)
  })

  it('two replicas on one database fire each of 1,000 due jobs exactly once', async () => {
    const kind = freshKind()
    await sql`insert into jobs (kind, run_at) select ${kind}, '2026-03-02T09:00:00+08:00'::timestamptz from generate_series(1, 1000)`.execute(
      handle.db,
    )
    // On a server, the second replica has a pool of its own; embedded, both share the one connection.
    const second = handle.url ? await openDatabase({ url: handle.url }) : handle
    const now = at('2026-03-02T09:00:00+08:00')
    try {
      const [a, b] = await Promise.all([
        runDueJobs(handle.db, { handlers: { [kind]: recordFire('a') }, now }),
        runDueJobs(second.db, { handlers: { [kind]: recordFire('b') }, now }),
      ])
      assert.equal(a + b, 1000)
      // Two pools really worked side by side (embedded, the one connection takes turns).
      if (second !== handle) assert.ok(a > 0 && b > 0, `replica a fired ${a}, replica b ${b}`)
    } finally {
      if (second !== handle) await second.close()
    }
    const duplicates = await sql<{
      n: string
    }>`select count(*)::text as n from (select f.job_id from fires f join jobs j on j.id = f.job_id where j.kind = ${kind} group by f.job_id having count(*) > 1) d`.execute(
      handle.db,
    )
    assert.equal(Number(duplicates.rows[0]?.n), 0)
    assert.equal(await firesOf(kind), 1000)
  })
})
