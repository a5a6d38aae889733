import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type AuditEntry, sm3Hasher, verifyAuditTrail } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import { createAuditRepository } from './audit-repository.ts'
import { MIGRATIONS_DIR, migrate } from './migrate.ts'
import { type DatabaseHandle, openDatabase } from './open-database.ts'
import type { Database } from './schema.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

/**
 * The audit trail partitioned by jurisdiction (migration 0035, docs/decisions/0029): each chain
 * lives in one hash partition, a chain's reads touch that partition only, and the partitions
 * refuse what the table refuses — through the parent or named directly. On PostgreSQL the
 * handle is the application role; embedded it is the owner, and the triggers refuse.
 */
const PARTITIONS = 8
let handle: DatabaseHandle & { owner: DatabaseHandle['db'] }
let counter = 0

before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

function entry(jurisdictionId: string, n: number): AuditEntry {
  return {
    jurisdictionId,
    occurredAt: new Date(Date.UTC(2026, 3, 1, 2, n)).toISOString(),
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

/** A jurisdiction with `count` sealed records (and `unsealed` more appended after the seal). */
async function buildChain(db: Kysely<Database>, count: number, unsealed = 0): Promise<string> {
  counter += 1
  const id = `part${counter}-${randomUUID().slice(0, 4)}`
  await db
    .insertInto('jurisdictions')
    .values({ id, name: `分区县${counter}`, level: 'county', rulebook_version: 't' })
    .execute()
  for (let n = 1; n <= count; n += 1)
    await db
      .transaction()
      .execute((trx) => createAuditRepository(trx).append(entry(id, n), sm3Hasher))
  await createAuditRepository(db).seal(id)
  for (let n = count + 1; n <= count + unsealed; n += 1)
    await db
      .transaction()
      .execute((trx) => createAuditRepository(trx).append(entry(id, n), sm3Hasher))
  return id
}

async function partitionsOf(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select inhrelid::regclass::text as name from pg_inherits
     where inhparent = 'audit_records'::regclass order by 1`.execute(db)
  return rows.map((row) => row.name)
}

async function partitionOfChain(db: Kysely<Database>, chain: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select distinct tableoid::regclass::text as name from audit_records
     where jurisdiction_id = ${chain}`.execute(db)
  return rows.map((row) => row.name)
}

/** The relations a plan scans, by name, from EXPLAIN's JSON. */
function scannedRelations(plan: unknown): string[] {
  const found: string[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>
      if (typeof record['Relation Name'] === 'string') found.push(record['Relation Name'])
      Object.values(record).forEach(walk)
    }
  }
  walk(plan)
  return found
}

describe('audit_records partitioned by jurisdiction', () => {
  it('is hash-partitioned on jurisdiction_id into 8 partitions, each with the parent’s triggers', async () => {
    const { rows } = await sql<{ strategy: string; key: string }>`
      select p.partstrat as strategy, a.attname as key
        from pg_partitioned_table p
        join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
       where p.partrelid = 'audit_records'::regclass`.execute(handle.db)
    assert.deepEqual(rows, [{ strategy: 'h', key: 'jurisdiction_id' }])
    const partitions = await partitionsOf(handle.db)
    assert.equal(partitions.length, PARTITIONS)
    const triggersOf = async (table: string) =>
      (
        await sql<{ tgname: string }>`
          select tgname from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal
           order by tgname`.execute(handle.db)
      ).rows.map((row) => row.tgname)
    const parent = await triggersOf('audit_records')
    assert.deepEqual(parent, [
      'audit_records_advance_heads',
      'audit_records_append_unsealed',
      'audit_records_chain_known',
      'audit_records_no_delete',
      'audit_records_no_truncate',
      'audit_records_seal_only',
    ])
    for (const partition of partitions)
      assert.deepEqual(await triggersOf(partition), parent, partition)
  })

  it('keeps each chain, sealed and unsealed, in one partition, and the chains spread over several', async () => {
    const chains = []
    for (let n = 0; n < 12; n += 1) chains.push(await buildChain(handle.db, 2, 1))
    const homes = new Set<string>()
    for (const chain of chains) {
      const parts = await partitionOfChain(handle.db, chain)
      assert.equal(parts.length, 1, `${chain} lies in ${parts.join(', ')}`)
      homes.add(parts[0]!)
    }
    assert.ok(homes.size > 1, `12 chains all in ${[...homes].join(', ')}`)
    for (const chain of chains) {
      const [report] = await verifyAuditTrail({
        audit: createAuditRepository(handle.db),
        jurisdictionId: chain,
      })
      assert.deepEqual(report?.problems, [], chain)
    }
  })

  it('reads one chain from one partition (the plan names one partition)', async () => {
    const chain = await buildChain(handle.db, 3)
    const [home] = await partitionOfChain(handle.db, chain)
    const plans = [
      sql`explain (format json) select * from audit_records
           where jurisdiction_id = ${chain} and chain_seq is not null order by chain_seq`,
      sql`explain (format json) select * from audit_records
           where jurisdiction_id = ${chain} and chain_seq is null order by id limit 501`,
      sql`explain (format json) select max(chain_seq) from audit_records
           where jurisdiction_id = ${chain} and occurred_at >= now() - interval '1 day'`,
    ]
    for (const plan of plans) {
      const { rows } = await plan.execute(handle.db)
      const relations = scannedRelations(rows)
      assert.deepEqual([...new Set(relations)], [home], plan.compile(handle.db).sql)
    }
  })

  it('refuses UPDATE, DELETE and TRUNCATE through the parent and on a partition named directly', async () => {
    const chain = await buildChain(handle.db, 2, 1)
    const [home] = await partitionOfChain(handle.db, chain)
    const part = sql.table(home!)
    const { rows } = await sql<{ id: string }>`
      select id from audit_records where jurisdiction_id = ${chain} and chain_seq is null`.execute(
      handle.db,
    )
    const waiting = rows[0]!.id
    // The application role (PostgreSQL) lacks the right; the owner (embedded) meets the triggers.
    const refused = /permission denied|append-only/
    const refusals: [ReturnType<typeof sql>, RegExp][] = [
      [sql`update audit_records set subject = 'x' where jurisdiction_id = ${chain}`, refused],
      [sql`update ${part} set subject = 'x' where jurisdiction_id = ${chain}`, refused],
      [
        sql`update ${part} set hash = ${'b'.repeat(64)} where jurisdiction_id = ${chain} and chain_seq = 1`,
        /append-only/,
      ],
      // A seal on the partition itself must still continue the chain's head.
      [
        sql`update ${part} set chain_seq = 9, prev_hash = ${'0'.repeat(64)}, hash = ${'a'.repeat(64)}
             where id = ${waiting}`,
        /does not continue/,
      ],
      [sql`delete from audit_records where jurisdiction_id = ${chain}`, refused],
      [sql`delete from ${part} where jurisdiction_id = ${chain}`, refused],
      [sql`truncate audit_records`, refused],
      [sql`truncate ${part}`, refused],
      [
        sql`insert into ${part} (jurisdiction_id, chain_seq, occurred_at, action, algorithm, prev_hash, hash)
            values (${chain}, 4, now(), 'x', 'sm3', ${'0'.repeat(64)}, ${'a'.repeat(64)})`,
        /appended unsealed/,
      ],
    ]
    for (const [statement, expected] of refusals)
      await assert.rejects(statement.execute(handle.db), expected, statement.compile(handle.db).sql)
    const [report] = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      jurisdictionId: chain,
    })
    assert.deepEqual(report?.problems, [])
    assert.equal(report?.records, 3)
  })

  it(
    'is used by the application role on PostgreSQL, which owns neither the table nor a partition',
    { skip: !process.env.ZHENGLING_TEST_DATABASE_URL && '只在 PostgreSQL 上' },
    async () => {
      const { rows } = await sql<{ current_user: string; owns: boolean }>`
        select current_user, exists (select 1 from pg_class c
          where (c.oid = 'audit_records'::regclass or c.relname like 'audit_records\_%')
            and pg_has_role(current_user, c.relowner, 'USAGE')) as owns`.execute(handle.db)
      assert.notEqual(rows[0]?.current_user, 'postgres')
      assert.equal(rows[0]?.owns, false)
      for (const table of ['audit_records', ...(await partitionsOf(handle.db))]) {
        const { rows: rights } = await sql<Record<string, boolean>>`
          select has_table_privilege(${table}, 'select') as select,
                 has_table_privilege(${table}, 'insert') as insert,
                 has_table_privilege(${table}, 'update') as update,
                 has_table_privilege(${table}, 'delete') as delete,
                 has_table_privilege(${table}, 'truncate') as truncate,
                 has_column_privilege(${table}, 'hash', 'update') as seal,
                 has_column_privilege(${table}, 'subject', 'update') as rewrite`.execute(handle.db)
        assert.deepEqual(
          rights[0],
          {
            select: true,
            insert: true,
            update: false,
            delete: false,
            truncate: false,
            seal: true,
            rewrite: false,
          },
          table,
        )
      }
    },
  )
})

describe('migration 0035 on a database with audit records', () => {
  it('copies every record, sealed and unsealed, and the chain verifies and seals on', async () => {
    const serverUrl = process.env.ZHENGLING_TEST_DATABASE_URL
    const name = `zhengling_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
    const admin = serverUrl ? await openDatabase({ url: serverUrl }) : null
    let scratch: DatabaseHandle | null = null
    const before = mkdtempSync(join(tmpdir(), 'zhengling-before-0035-'))
    try {
      if (admin && serverUrl) {
        await sql`create database ${sql.id(name)}`.execute(admin.db)
        const url = new URL(serverUrl)
        url.pathname = `/${name}`
        scratch = await openDatabase({ url: url.toString() })
      } else scratch = await openDatabase({})
      for (const file of readdirSync(MIGRATIONS_DIR))
        if (file.endsWith('.sql') && file < '0035')
          cpSync(join(MIGRATIONS_DIR, file), join(before, file))
      await migrate(scratch.db, before)
      const chains = [await buildChain(scratch.db, 4, 2), await buildChain(scratch.db, 3, 0)]
      const rowsOf = async () =>
        (
          await sql<Record<string, unknown>>`
            select id, jurisdiction_id, chain_seq, occurred_at, action, subject, details, algorithm,
                   prev_hash, hash, appended_at
              from audit_records order by id`.execute(scratch!.db)
        ).rows
      const was = await rowsOf()
      assert.equal(was.length, 9)
      assert.deepEqual(
        await migrate(scratch.db),
        ['0035_audit_partitioned_by_jurisdiction.sql'].concat(
          readdirSync(MIGRATIONS_DIR)
            .filter(
              (file) =>
                file.endsWith('.sql') && file > '0035_audit_partitioned_by_jurisdiction.sql',
            )
            .sort(),
        ),
      )
      assert.deepEqual(await rowsOf(), was)
      // The two waiting records are sealed after the copy, and new ones take the next ids.
      await scratch.db
        .transaction()
        .execute((trx) => createAuditRepository(trx).append(entry(chains[0]!, 7), sm3Hasher))
      assert.deepEqual(await createAuditRepository(scratch.db).seal(), [
        { chain: chains[0], fromSeq: 5, toSeq: 7 },
      ])
      const ids = (await rowsOf()).map((row) => Number(row.id))
      assert.equal(ids.at(-1), Math.max(...was.map((row) => Number(row.id))) + 1)
      for (const chain of chains) {
        const [report] = await verifyAuditTrail({
          audit: createAuditRepository(scratch.db),
          jurisdictionId: chain,
        })
        assert.deepEqual(report?.problems, [], chain)
      }
    } finally {
      await scratch?.close()
      rmSync(before, { recursive: true, force: true })
      if (admin) {
        await sql`drop database if exists ${sql.id(name)}`.execute(admin.db)
        await admin.close()
      }
    }
  })
})
