import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  type AuditEntry,
  type Hasher,
  sha256Hasher,
  sm3Hasher,
  verifyAuditTrail,
} from '@zhengling/app'
import { sql } from 'kysely'
import { createAuditRepository } from './audit-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

let handle: DatabaseHandle & { owner: DatabaseHandle['db'] }
let counter = 0

before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

/** A jurisdiction of its own for each test, so tests never share a chain. */
async function buildJurisdiction(): Promise<string> {
  counter += 1
  const id = `test${counter}`
  await handle.db
    .insertInto('jurisdictions')
    .values({ id, name: `测试县${counter}`, level: 'county', rulebook_version: 't' })
    .execute()
  return id
}

function entry(jurisdictionId: string, n: number): AuditEntry {
  return {
    jurisdictionId,
    occurredAt: new Date(Date.UTC(2026, 2, 2, 1, n)).toISOString(),
    actorPersonId: null,
    actorPostId: null,
    action: `document.register#${n}`,
    subject: `doc-${n}`,
    beforeDigest: null,
    afterDigest: `after-${n}`,
    ruleIds: ['zhongshan.countersign.reply'],
    details: { n, 说明: '登记收文' },
  }
}

function append(jurisdictionId: string, n: number, hasher: Hasher = sm3Hasher) {
  return handle.db
    .transaction()
    .execute((trx) => createAuditRepository(trx).append(entry(jurisdictionId, n), hasher))
}

/** Appends `count` records, one act each, and seals them into the chain. */
async function appendMany(jurisdictionId: string, count: number, hasher: Hasher = sm3Hasher) {
  for (let n = 1; n <= count; n += 1) await append(jurisdictionId, n, hasher)
  await createAuditRepository(handle.db).seal(jurisdictionId)
}

async function problemsOf(jurisdictionId: string) {
  const [report] = await verifyAuditTrail({
    audit: createAuditRepository(handle.db),
    jurisdictionId,
  })
  return report?.problems.map((p) => `${p.kind}@${p.chainSeq}`) ?? []
}

/**
 * What an attacker with direct database access as the owner does: switch the guard off, tamper,
 * switch it on. (The application role may do none of it: see below.)
 */
async function tamper(statement: ReturnType<typeof sql>) {
  await sql`alter table audit_records disable trigger user`.execute(handle.owner)
  await statement.execute(handle.owner)
  await sql`alter table audit_records enable trigger user`.execute(handle.owner)
}

describe('audit chain', () => {
  it('an intact chain verifies, with SM3 and with SHA-256', async () => {
    const a = await buildJurisdiction()
    await appendMany(a, 5, sm3Hasher)
    assert.deepEqual(await problemsOf(a), [])
    const b = await buildJurisdiction()
    await appendMany(b, 3, sha256Hasher)
    assert.deepEqual(await problemsOf(b), [])
  })

  it('the database refuses updates and deletes', async () => {
    const j = await buildJurisdiction()
    await appendMany(j, 2)
    await assert.rejects(
      sql`update audit_records set action = 'x' where jurisdiction_id = ${j}`.execute(handle.db),
      /append-only|permission denied/,
    )
    await assert.rejects(
      sql`delete from audit_records where jurisdiction_id = ${j}`.execute(handle.db),
      /append-only|permission denied/,
    )
  })

  it('detects an edited record', async () => {
    const j = await buildJurisdiction()
    await appendMany(j, 5)
    await tamper(
      sql`update audit_records set action = 'document.delete' where jurisdiction_id = ${j} and chain_seq = 3`,
    )
    assert.deepEqual(await problemsOf(j), ['edited@3'])
  })

  it('detects a deleted record in the middle and at the end', async () => {
    const j = await buildJurisdiction()
    await appendMany(j, 5)
    await tamper(sql`delete from audit_records where jurisdiction_id = ${j} and chain_seq = 3`)
    assert.deepEqual(await problemsOf(j), ['missing@4'])
    const k = await buildJurisdiction()
    await appendMany(k, 5)
    await tamper(sql`delete from audit_records where jurisdiction_id = ${k} and chain_seq = 5`)
    assert.deepEqual(await problemsOf(k), ['headMismatch@null'])
  })

  it('detects reordered records', async () => {
    const j = await buildJurisdiction()
    await appendMany(j, 5)
    await tamper(
      sql`update audit_records set chain_seq = -chain_seq where jurisdiction_id = ${j} and chain_seq in (2, 3)`,
    )
    await tamper(
      sql`update audit_records set chain_seq = case chain_seq when -2 then 3 else 2 end where jurisdiction_id = ${j} and chain_seq in (-2, -3)`,
    )
    const problems = await problemsOf(j)
    assert.ok(problems.includes('edited@2') && problems.includes('edited@3'), problems.join())
  })

  it('an append rolled back with its command leaves no trace', async () => {
    const j = await buildJurisdiction()
    await appendMany(j, 2)
    await assert.rejects(
      handle.db.transaction().execute(async (trx) => {
        await createAuditRepository(trx).append(entry(j, 3), sm3Hasher)
        throw new Error('命令失败')
      }),
      /命令失败/,
    )
    const audit = createAuditRepository(handle.db)
    assert.equal((await audit.records(j)).length, 2)
    assert.equal((await audit.head(j))?.lastSeq, 2)
    assert.deepEqual(await problemsOf(j), [])
  })

  it('concurrent appends line up without gaps once sealed', async () => {
    const j = await buildJurisdiction()
    await Promise.all(Array.from({ length: 20 }, (_, index) => append(j, index + 1)))
    const audit = createAuditRepository(handle.db)
    assert.deepEqual(await audit.records(j), [], 'appended records wait unsealed')
    assert.deepEqual(await audit.seal(j), [{ chain: j, fromSeq: 1, toSeq: 20 }])
    const records = await audit.records(j)
    assert.deepEqual(
      records.map((r) => r.chainSeq),
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    assert.deepEqual(await problemsOf(j), [])
    assert.deepEqual(await audit.seal(j), [], 'nothing is sealed twice')
  })
})
