import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import type { Database } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { type Kysely, sql } from 'kysely'
import {
  initTpcbInProcess,
  inProcessTps,
  ONE_ACT_SCRIPT,
  parseScript,
  prepareAnchor,
  TPCB_SCRIPT,
} from '../bench/pgbench.ts'

// The bench's anchors (ADR 0031) run against copies of the real tables: a schema change that
// breaks the one-act script, or a runner that loses transactions, fails here rather than in the
// middle of `npm run bench`.
const DOCUMENTS = 200
let handle: Awaited<ReturnType<typeof openTestDatabase>>
let db: Kysely<Database>

before(async () => {
  handle = await openTestDatabase({ role: 'owner' })
  db = handle.owner
  await db
    .insertInto('jurisdictions')
    .values({ id: 'anchor-test', name: '锚点测试区', level: 'district', rulebook_version: 'x' })
    .execute()
  const post = randomUUID()
  await db
    .insertInto('posts')
    .values({ id: post, jurisdiction_id: 'anchor-test', role: 'townshipHead', title: '镇长' })
    .execute()
  await sql`insert into documents (id, jurisdiction_id, direction, kind, title, secrecy, state,
      urgency, main_recipients, copy_recipients, signatories, distribution_posts,
      distribution_departments, created_by_post_id, created_at, updated_at)
    values (gen_random_uuid(), 'anchor-test', 'incoming', '请示', '关于锚点的请示', 'internal',
      'submitted', 'normal', '{}', '{}', '{}', '{}', '{}', ${post}, now(), now())`.execute(db)
})
after(() => handle.close())

test('the one-act anchor writes one act’s rows per transaction and moves the chain head once', async () => {
  await prepareAnchor(db, DOCUMENTS)
  const count = async (table: string, where = sql`true`) =>
    (
      await sql<{
        n: number
      }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(db)
    ).rows[0]?.n
  assert.equal(await count('anchor.documents'), DOCUMENTS)
  assert.equal(await count('anchor.document_tasks', sql`closed_at is null`), DOCUMENTS)

  const tps = await inProcessTps(db, parseScript(ONE_ACT_SCRIPT), {
    clients: 3,
    seconds: 0.5,
    variables: { documents: DOCUMENTS },
  })
  assert.ok(tps > 0)
  const acts = await count('anchor.document_events')
  assert.ok(acts !== undefined && acts > 0)
  // Per act: one event, one audit record, two timers, one notification, a task closed and one
  // opened (each document keeps exactly one open task), and the head moved by one.
  assert.equal(await count('anchor.audit_records'), acts)
  assert.equal(await count('anchor.jobs'), 2 * acts)
  assert.equal(await count('anchor.notifications'), acts)
  assert.equal(await count('anchor.document_tasks'), DOCUMENTS + acts)
  assert.equal(await count('anchor.document_tasks', sql`closed_at is null`), DOCUMENTS)
  const head = await sql<{
    last_seq: string
  }>`select last_seq from anchor.audit_chain_heads`.execute(db)
  assert.deepEqual(
    head.rows.map((row) => Number(row.last_seq)),
    [acts],
  )
})

test('the in-process TPC-B runs pgbench’s transaction: one history row per transaction, balances kept', async () => {
  await initTpcbInProcess(db, 1)
  const tps = await inProcessTps(db, parseScript(TPCB_SCRIPT), {
    clients: 2,
    seconds: 0.5,
    scale: 1,
  })
  assert.ok(tps > 0)
  const sums = await sql<{ history: number; delta: number; accounts: number; branches: number }>`
    select (select count(*)::int from pgbench_history) as history,
      (select coalesce(sum(delta), 0)::int from pgbench_history) as delta,
      (select sum(abalance)::int from pgbench_accounts) as accounts,
      (select sum(bbalance)::int from pgbench_branches) as branches`.execute(db)
  const row = sums.rows[0]
  assert.ok(row && row.history > 0)
  assert.equal(row.accounts, row.delta)
  assert.equal(row.branches, row.delta)
})

test('a script’s meta-commands are read, products of variables evaluated', () => {
  const script = parseScript(TPCB_SCRIPT)
  assert.deepEqual(
    script.sets.map((set) => set.name),
    ['aid', 'bid', 'tid', 'delta'],
  )
  assert.equal(script.statements[0], 'BEGIN')
  assert.equal(script.statements.at(-1), 'END')
  assert.equal(script.statements.length, 7)
})
