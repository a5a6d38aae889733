import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  type AuditEntry,
  auditRecordHash,
  createSm2Signer,
  exportAuditRecords,
  generateSm2KeyPair,
  type SessionRecord,
  sealAuditChains,
  sm3Hasher,
  verifyAuditExport,
  verifyAuditTrail,
} from '@zhengling/app'
import { sql } from 'kysely'
import { createCheckpointFile } from './audit-checkpoint-file.ts'
import { createAuditRepository } from './audit-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createInTransaction } from './repositories.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

/**
 * The attacks of issue 13 on the audit trail, done as the owner (on PostgreSQL the superuser
 * the tests connect as; embedded, PGlite's only user), and what catches them: the signed
 * checkpoints kept outside the database (docs/decisions/0020). And the application role's
 * limits, on PostgreSQL, where it exists as a separate login.
 */
let handle: DatabaseHandle & { owner: DatabaseHandle['db'] }
let counter = 0
const keys = generateSm2KeyPair()
const signer = createSm2Signer(keys.privateKey)
const dir = mkdtempSync(join(tmpdir(), 'zhengling-checkpoints-'))

before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

async function buildChain(count: number): Promise<string> {
  counter += 1
  const id = `cp${counter}`
  await handle.db
    .insertInto('jurisdictions')
    .values({ id, name: `检查点县${counter}`, level: 'county', rulebook_version: 't' })
    .execute()
  for (let n = 1; n <= count; n += 1) await append(id, n)
  await createAuditRepository(handle.db).seal(id)
  return id
}

function entry(jurisdictionId: string, n: number): AuditEntry {
  return {
    jurisdictionId,
    occurredAt: new Date(Date.UTC(2026, 2, n, 2)).toISOString(),
    actorPersonId: null,
    actorPostId: null,
    action: 'document.register',
    subject: `doc-${n}`,
    beforeDigest: null,
    afterDigest: null,
    ruleIds: [],
    details: { n, 操作人: '张三' },
  }
}

function append(jurisdictionId: string, n: number) {
  return handle.db
    .transaction()
    .execute((trx) => createAuditRepository(trx).append(entry(jurisdictionId, n), sm3Hasher))
}

/** Seals every chain into a checkpoint file of the chain's own. */
async function seal(file: string) {
  return sealAuditChains({
    audit: createAuditRepository(handle.db),
    signer,
    store: createCheckpointFile(file),
    now: () => new Date('2026-03-20T00:00:00Z'),
  })
}

async function verify(chain: string, file: string, publicKey = keys.publicKey) {
  const [report] = await verifyAuditTrail({
    audit: createAuditRepository(handle.db),
    jurisdictionId: chain,
    checkpoints: { list: await createCheckpointFile(file).all(), publicKey },
  })
  return report?.problems.map((problem) => `${problem.kind}@${problem.chainSeq}`) ?? []
}

/** As the owner with the triggers off (`session_replication_role = replica`), in one transaction. */
async function asAttacker(work: (db: DatabaseHandle['db']) => Promise<unknown>) {
  await handle.owner.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx)
    await work(trx)
  })
}

describe('signed audit checkpoints', () => {
  it('an untouched chain verifies against its checkpoint; later records need a new one', async () => {
    const file = join(dir, 'untouched.jsonl')
    const chain = await buildChain(4)
    await seal(file)
    assert.deepEqual(await verify(chain, file), [])
    await append(chain, 5)
    assert.deepEqual(await verify(chain, file), [])
    const again = (await seal(file)).find((report) => report.chain === chain)
    assert.equal(again?.outcome, 'sealed')
    assert.equal(again?.seq, 5)
    const unchanged = (await seal(file)).find((report) => report.chain === chain)
    assert.equal(unchanged?.outcome, 'unchanged')
  })

  it('catches the tail deleted with the head rewound (the chain alone looks intact)', async () => {
    const file = join(dir, 'tail.jsonl')
    const chain = await buildChain(5)
    await seal(file)
    await asAttacker(async (db) => {
      await sql`delete from audit_records where jurisdiction_id = ${chain} and chain_seq > 3`.execute(
        db,
      )
      const third = await sql<{
        hash: string
      }>`select hash from audit_records where jurisdiction_id = ${chain} and chain_seq = 3`.execute(
        db,
      )
      await sql`update audit_chain_heads set last_seq = 3, last_hash = ${third.rows[0]!.hash} where jurisdiction_id = ${chain}`.execute(
        db,
      )
    })
    const [plain] = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      jurisdictionId: chain,
    })
    assert.deepEqual(plain?.problems, [], 'without checkpoints the rewound chain looks intact')
    assert.deepEqual(await verify(chain, file), ['checkpoint@5'])
    const refused = (await seal(file)).find((report) => report.chain === chain)
    assert.equal(refused?.outcome, 'refused', 'a rewritten chain is never sealed')
  })

  it('catches a record forged with its SM3 hash and every later hash recomputed', async () => {
    const file = join(dir, 'forged.jsonl')
    const chain = await buildChain(5)
    await seal(file)
    await asAttacker(async (db) => {
      const audit = createAuditRepository(db)
      let previous = (await audit.records(chain)).find((r) => r.chainSeq === 1)!.hash
      for (const record of (await audit.records(chain)).filter((r) => r.chainSeq >= 2)) {
        const forged =
          record.chainSeq === 2
            ? { ...record, subject: 'doc-x', details: { n: 2, 操作人: '李四' } }
            : record
        const hash = auditRecordHash(forged, record.chainSeq, previous, sm3Hasher)
        await sql`update audit_records set subject = ${forged.subject}, details = ${JSON.stringify(forged.details)}::jsonb,
                  prev_hash = ${previous}, hash = ${hash}
                  where jurisdiction_id = ${chain} and chain_seq = ${record.chainSeq}`.execute(db)
        previous = hash
      }
      await sql`update audit_chain_heads set last_hash = ${previous} where jurisdiction_id = ${chain}`.execute(
        db,
      )
    })
    const [plain] = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      jurisdictionId: chain,
    })
    assert.deepEqual(plain?.problems, [], 'without checkpoints the forged chain looks intact')
    assert.deepEqual(await verify(chain, file), ['checkpoint@5'])
  })

  it('catches records changed with the triggers disabled', async () => {
    const file = join(dir, 'disabled.jsonl')
    const chain = await buildChain(4)
    await seal(file)
    await sql`alter table audit_records disable trigger user`.execute(handle.owner)
    await sql`update audit_records set action = 'document.delete' where jurisdiction_id = ${chain} and chain_seq = 2`.execute(
      handle.owner,
    )
    await sql`alter table audit_records enable trigger user`.execute(handle.owner)
    assert.deepEqual(await verify(chain, file), ['edited@2'])
  })

  it('catches a forged or damaged checkpoint, one signed by another key, and a vanished chain', async () => {
    const file = join(dir, 'keys.jsonl')
    const chain = await buildChain(3)
    await seal(file)
    const other = generateSm2KeyPair()
    assert.deepEqual(await verify(chain, file, other.publicKey), ['checkpoint@3'])
    const store = createCheckpointFile(file)
    const [genuine] = (await store.all()).filter((c) => c.chain === chain)
    await store.append({ ...genuine!, seq: 2, hash: 'f'.repeat(64) })
    assert.deepEqual(await verify(chain, file), ['checkpoint@2'])

    const gone = join(dir, 'gone.jsonl')
    const vanishing = await buildChain(2)
    await seal(gone)
    await asAttacker((db) =>
      sql`delete from audit_records where jurisdiction_id = ${vanishing}`.execute(db),
    )
    const reports = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      checkpoints: { list: await createCheckpointFile(gone).all(), publicKey: keys.publicKey },
    })
    const report = reports.find((r) => r.jurisdictionId === vanishing)
    assert.ok(
      report?.problems.some((p) => p.kind === 'checkpoint'),
      JSON.stringify(report),
    )
  })
})

describe('signed audit export', () => {
  const auditAdmin = {
    id: 's',
    accountId: 'a',
    username: 'auditAdmin',
    adminRole: 'auditAdmin',
  } as SessionRecord

  async function exportOf(chain: string, from: string, to: string) {
    return exportAuditRecords(
      {
        audit: createAuditRepository(handle.db),
        inTransaction: createInTransaction(handle.db),
        signer,
        hasher: sm3Hasher,
        now: () => new Date('2026-03-20T00:00:00Z'),
      },
      auditAdmin,
      { chain, from, to },
    )
  }

  it('exports a date range that verifies, and is itself audited', async () => {
    const chain = await buildChain(6)
    const exported = await exportOf(chain, '2026-03-02', '2026-03-04')
    assert.equal(exported.records, 3)
    const check = verifyAuditExport(exported.text, keys.publicKey)
    assert.deepEqual(check.problems, [])
    assert.equal(check.records, 3)
    const audit = createAuditRepository(handle.db)
    await audit.seal('deployment')
    const deployment = await audit.records('deployment')
    assert.ok(deployment.some((r) => r.action === 'audit.export' && r.subject === chain))
  })

  it('refuses a changed line, a dropped line, a wrong key and a non-export', async () => {
    const chain = await buildChain(5)
    const { text } = await exportOf(chain, '2026-03-01', '2026-03-05')
    const lines = text.trimEnd().split('\n')
    const edited = [...lines]
    edited[2] = edited[2]!.replace('doc-2', 'doc-9')
    assert.ok(verifyAuditExport(`${edited.join('\n')}\n`, keys.publicKey).problems.length >= 2)
    const dropped = lines.filter((_, index) => index !== 3)
    const droppedCheck = verifyAuditExport(`${dropped.join('\n')}\n`, keys.publicKey)
    assert.ok(
      droppedCheck.problems.some((p) => p.includes('缺失')),
      droppedCheck.problems.join(),
    )
    assert.ok(droppedCheck.problems.some((p) => p.includes('签名无效')))
    const wrongKey = verifyAuditExport(text, generateSm2KeyPair().publicKey)
    assert.ok(wrongKey.problems.some((p) => p.includes('签名无效')))
    assert.deepEqual(verifyAuditExport('{"a":1}\n').problems, ['不是审计导出文件'])
  })

  it('refuses without a key, a reversed range, and anyone but the audit admin', async () => {
    const deps = {
      audit: createAuditRepository(handle.db),
      inTransaction: createInTransaction(handle.db),
      signer: undefined,
      hasher: sm3Hasher,
      now: () => new Date(),
    }
    const query = { chain: 'deployment', from: '2026-03-01', to: '2026-03-02' }
    await assert.rejects(exportAuditRecords(deps, auditAdmin, query), {
      code: 'AUDIT_KEY_NOT_CONFIGURED',
    })
    await assert.rejects(
      exportAuditRecords({ ...deps, signer }, auditAdmin, { ...query, from: '2026-03-03' }),
      { code: 'AUDIT_EXPORT_RANGE' },
    )
    await assert.rejects(
      exportAuditRecords({ ...deps, signer }, { ...auditAdmin, adminRole: 'securityAdmin' }, query),
      { code: 'AUDIT_ADMIN_ONLY' },
    )
  })
})

describe('the application role on PostgreSQL', () => {
  const serverOnly = { skip: !process.env.ZHENGLING_TEST_DATABASE_URL && '只在 PostgreSQL 上' }

  it(
    'is refused UPDATE, DELETE, TRUNCATE, moving the head, triggers and replication role',
    serverOnly,
    async () => {
      const chain = await buildChain(2)
      const refusals = [
        sql`update audit_records set subject = 'x' where jurisdiction_id = ${chain}`,
        sql`delete from audit_records where jurisdiction_id = ${chain}`,
        sql`truncate audit_records`,
        sql`update audit_chain_heads set last_seq = 1 where jurisdiction_id = ${chain}`,
        sql`delete from audit_chain_heads where jurisdiction_id = ${chain}`,
        sql`truncate audit_chain_heads`,
        sql`alter table audit_records disable trigger user`,
        sql`set session_replication_role = replica`,
        sql`insert into schema_migrations (name) values ('9999_x.sql')`,
      ]
      for (const statement of refusals) {
        await assert.rejects(
          statement.execute(handle.db),
          /permission denied|must be owner/,
          statement.compile(handle.db).sql,
        )
      }
      const { rows } = await sql<{
        current_user: string
      }>`select current_user`.execute(handle.db)
      assert.notEqual(rows[0]?.current_user, 'postgres')
    },
  )

  it('may not insert a record already sealed (only the sealer gives records a place)', async () => {
    const chain = await buildChain(2)
    const [last] = (await createAuditRepository(handle.db).records(chain)).slice(-1)
    const stray = { ...last!, chainSeq: 7 }
    await assert.rejects(
      sql`insert into audit_records (jurisdiction_id, chain_seq, occurred_at, action, algorithm, prev_hash, hash)
          values (${chain}, ${stray.chainSeq}, now(), 'x', 'sm3', ${last!.hash}, ${'a'.repeat(64)})`.execute(
        handle.db,
      ),
      /appended unsealed/,
    )
  })
})
