import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import {
  type AuditEntry,
  type ChainedAuditRecord,
  GENESIS_HASH,
  sm3Hasher,
  verifyAuditTrail,
} from '@zhengling/app'
import { sql } from 'kysely'
import { createAuditRepository } from './audit-repository.ts'
import { startAuditSealer } from './audit-sealer.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createInTransaction } from './repositories.ts'
import { countStatements } from './statement-counter.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

/**
 * Audit off the critical section (docs/decisions/0026): acts append unsealed records in one
 * statement under no lock; the sealer chains what has committed. What must hold: appends of one
 * jurisdiction never wait on each other; the chain stays gap-free and what is sealed never
 * moves, whatever commits, rolls back or seals at the same time; the database accepts sealing
 * only as a continuation of the head; a record left waiting too long is reported.
 */
let handle: DatabaseHandle & { owner: DatabaseHandle['db'] }
let counter = 0
const onServer = {
  skip: !process.env.ZHENGLING_TEST_DATABASE_URL && '只在 PostgreSQL 上（内嵌库只有一个连接）',
}

before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

async function buildJurisdiction(): Promise<string> {
  counter += 1
  const id = `seal${counter}`
  await handle.db
    .insertInto('jurisdictions')
    .values({ id, name: `封存县${counter}`, level: 'county', rulebook_version: 't' })
    .execute()
  return id
}

function entry(jurisdictionId: string, n: number): AuditEntry {
  return {
    jurisdictionId,
    occurredAt: new Date(Date.UTC(2026, 2, 2, 1, n % 60)).toISOString(),
    actorPersonId: null,
    actorPostId: null,
    action: 'document.register',
    subject: `doc-${n}`,
    beforeDigest: null,
    afterDigest: null,
    ruleIds: [],
    details: { n },
  }
}

const audit = () => createAuditRepository(handle.db)

function append(jurisdictionId: string, n: number) {
  return handle.db
    .transaction()
    .execute((trx) => createAuditRepository(trx).append(entry(jurisdictionId, n), sm3Hasher))
}

/** An act that appends its record and then fails: the record goes with it. */
function appendAndRollBack(jurisdictionId: string, n: number) {
  return handle.db
    .transaction()
    .execute(async (trx) => {
      await createAuditRepository(trx).append(entry(jurisdictionId, n), sm3Hasher)
      throw new Error('命令失败')
    })
    .catch(() => undefined)
}

async function problemsOf(chain: string) {
  const [report] = await verifyAuditTrail({ audit: audit(), jurisdictionId: chain })
  return report?.problems.map((problem) => `${problem.kind}@${problem.chainSeq}`) ?? []
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    work,
    sleep(ms).then(() => {
      throw new Error(`${what}: still waiting after ${ms} ms`)
    }),
  ])
}

describe('audit records sealed after commit', () => {
  it('an append is one insert in the act; a seal of many records a handful of statements', async () => {
    const j = await buildJurisdiction()
    const count = countStatements(handle.db)
    await append(j, 1)
    assert.deepEqual(count.byKind, { begin: 1, insert: 1, commit: 1 })
    for (let n = 2; n <= 30; n += 1) await append(j, n)
    count.reset()
    assert.deepEqual(await audit().seal(j), [{ chain: j, fromSeq: 1, toSeq: 30 }])
    // begin, lock the chains, start or read the heads, read the waiting records, update, commit
    assert.ok(count.count <= 6, `sealing 30 records took ${count.count} statements`)
    count.stop()
    assert.deepEqual(await problemsOf(j), [])
  })

  it(
    'two open transactions of one jurisdiction both append without waiting on each other',
    onServer,
    async () => {
      const j = await buildJurisdiction()
      let release!: () => void
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      let appended!: () => void
      const firstAppended = new Promise<void>((resolve) => {
        appended = resolve
      })
      const first = handle.db.transaction().execute(async (trx) => {
        await createAuditRepository(trx).append(entry(j, 1), sm3Hasher)
        appended()
        await held
      })
      await firstAppended
      // The first act is still open with its record appended: the second appends and commits.
      await withTimeout(append(j, 2), 5_000, 'the second append')
      // The sealer does not wait for the open act either: it seals what has committed.
      assert.deepEqual(await withTimeout(audit().seal(j), 5_000, 'the seal'), [
        { chain: j, fromSeq: 1, toSeq: 1 },
      ])
      release()
      await first
      assert.deepEqual(await audit().seal(j), [{ chain: j, fromSeq: 2, toSeq: 2 }])
      // Chain order is commit order as the sealer saw it: the later append, committed first, is 1.
      assert.deepEqual(
        (await audit().records(j)).map((record) => record.subject),
        ['doc-2', 'doc-1'],
      )
      assert.deepEqual(await problemsOf(j), [])
    },
  )

  it('stays gap-free and stable under concurrent appends, rollbacks and racing sealers', async () => {
    const j = await buildJurisdiction()
    const seen: ChainedAuditRecord[][] = []
    const acts = Array.from({ length: 40 }, (_, index) =>
      index % 4 === 3 ? appendAndRollBack(j, index + 1) : append(j, index + 1),
    )
    const sealers = Array.from({ length: 6 }, async (_, index) => {
      await sleep(index * 3)
      await audit().seal(j)
      seen.push(await audit().records(j))
    })
    await Promise.all([...acts, ...sealers])
    await audit().seal(j)
    const chain = await audit().records(j)
    assert.deepEqual(
      chain.map((record) => record.chainSeq),
      Array.from({ length: 30 }, (_, i) => i + 1),
    )
    const committed = Array.from({ length: 40 }, (_, index) => index + 1)
      .filter((n) => n % 4 !== 0)
      .map((n) => `doc-${n}`)
    assert.deepEqual(chain.map((record) => record.subject).sort(), committed.sort())
    for (const earlier of seen) assert.deepEqual(chain.slice(0, earlier.length), earlier)
    assert.deepEqual(await problemsOf(j), [])
  })

  it('reports a record left unsealed beyond the bound; sealing clears it', async () => {
    const j = await buildJurisdiction()
    await append(j, 1)
    const [fresh] = await verifyAuditTrail({ audit: audit(), jurisdictionId: j, seal: false })
    assert.deepEqual(fresh, { jurisdictionId: j, records: 0, problems: [], unsealed: 1 })
    await sleep(5)
    const [late] = await verifyAuditTrail({
      audit: audit(),
      jurisdictionId: j,
      seal: false,
      unsealedBoundSeconds: 0,
    })
    assert.deepEqual(
      late?.problems.map((problem) => problem.kind),
      ['unsealed'],
    )
    assert.match(late?.problems[0]?.message ?? '', /有 1 条审计记录未封存入链/)
    const [sealed] = await verifyAuditTrail({
      audit: audit(),
      jurisdictionId: j,
      unsealedBoundSeconds: 0,
    })
    assert.deepEqual(sealed, { jurisdictionId: j, records: 1, problems: [] })
  })

  it('accepts sealing only as a continuation of the head, once, content unchanged', async () => {
    const j = await buildJurisdiction()
    await append(j, 1)
    await audit().seal(j)
    await append(j, 2)
    await append(j, 3)
    const [head] = [await audit().head(j)]
    const waiting = await handle.db
      .selectFrom('audit_records')
      .select('id')
      .where('jurisdiction_id', '=', j)
      .where('chain_seq', 'is', null)
      .orderBy('id')
      .execute()
    const [second, third] = waiting.map((row) => row.id)
    const refusals: [ReturnType<typeof sql>, RegExp][] = [
      // Appended already sealed.
      [
        sql`insert into audit_records (jurisdiction_id, chain_seq, occurred_at, action, algorithm, prev_hash, hash)
            values (${j}, 2, now(), 'x', 'sm3', ${head!.lastHash}, ${'a'.repeat(64)})`,
        /appended unsealed/,
      ],
      // A position skipped, or a link to anything but the head.
      [
        sql`update audit_records set chain_seq = 3, prev_hash = ${head!.lastHash}, hash = ${'a'.repeat(64)} where id = ${second}`,
        /does not continue the chain head/,
      ],
      [
        sql`update audit_records set chain_seq = 2, prev_hash = ${GENESIS_HASH}, hash = ${'a'.repeat(64)} where id = ${second}`,
        /does not continue the chain head/,
      ],
      // Two records given the same place.
      [
        sql`update audit_records set chain_seq = 2, prev_hash = ${head!.lastHash}, hash = ${'a'.repeat(64)} where id in (${second}, ${third})`,
        /does not continue the chain head|duplicate key/,
      ],
      // Half a seal, or the content changed while sealing.
      [
        sql`update audit_records set chain_seq = 2 where id = ${second}`,
        /append-only|permission denied/,
      ],
      [
        sql`update audit_records set chain_seq = 2, prev_hash = ${head!.lastHash}, hash = ${'a'.repeat(64)}, subject = 'doc-x' where id = ${second}`,
        /append-only|permission denied/,
      ],
      // A sealed record sealed again.
      [
        sql`update audit_records set hash = ${'b'.repeat(64)} where jurisdiction_id = ${j} and chain_seq = 1`,
        /append-only/,
      ],
      // A head started part-way along.
      [
        sql`insert into audit_chain_heads (jurisdiction_id, last_seq, last_hash) values ('deployment', 5, ${'f'.repeat(64)})
            on conflict do nothing`,
        /must start at its genesis/,
      ],
    ]
    for (const [statement, refusal] of refusals)
      await assert.rejects(statement.execute(handle.db), refusal, statement.compile(handle.db).sql)
    assert.equal((await audit().head(j))?.lastSeq, 1)
    // A seal with a wrong hash continues the head, so the database takes it: verify does not.
    await sql`update audit_records set chain_seq = 2, prev_hash = ${head!.lastHash}, hash = ${'a'.repeat(64)} where id = ${second}`.execute(
      handle.db,
    )
    assert.deepEqual(await problemsOf(j), ['edited@2'])
  })

  it('the server sealer chains a committed act within moments, and what is left when stopped', async () => {
    const j = await buildJurisdiction()
    const errors: unknown[] = []
    const sealer = startAuditSealer(handle.db, {
      intervalMs: 60_000,
      onError: (error) => errors.push(error),
    })
    const started = performance.now()
    await createInTransaction(handle.db)((r) => r.audit.append(entry(j, 1), sm3Hasher))
    while ((await audit().head(j))?.lastSeq !== 1) {
      assert.ok(performance.now() - started < 5_000, 'not sealed within 5 s of the commit')
      await sleep(5)
    }
    // A record committed by another process (no nudge here) is sealed when the sealer stops.
    await append(j, 2)
    await sealer.stop()
    assert.equal((await audit().head(j))?.lastSeq, 2)
    assert.deepEqual(errors, [])
    assert.deepEqual(await problemsOf(j), [])
  })
})
