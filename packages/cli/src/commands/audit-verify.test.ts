import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { createAuditRepository, migrate, openDatabase } from '@zhengling/db'
import { sql } from 'kysely'
import type { Output } from '../output.ts'
import { auditCheckpoint, auditKeygen, auditVerify } from './audit-verify.ts'

/** An embedded database in a folder of its own, with one jurisdiction's chain of three records. */
async function buildDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengling-audit-'))
  const handle = await openDatabase({ dataDir })
  await migrate(handle.db)
  await handle.db
    .insertInto('jurisdictions')
    .values({ id: 'zhongshan', name: '钟山区', level: 'district', rulebook_version: '2022' })
    .execute()
  for (let n = 1; n <= 3; n += 1) {
    await handle.db.transaction().execute((trx) =>
      createAuditRepository(trx).append(
        {
          jurisdictionId: 'zhongshan',
          occurredAt: `2026-03-0${n}T09:00:00+08:00`,
          actorPersonId: null,
          actorPostId: null,
          action: 'document.register',
          subject: `doc-${n}`,
          beforeDigest: null,
          afterDigest: null,
          ruleIds: [],
          details: {},
        },
        sm3Hasher,
      ),
    )
  }
  await handle.close()
  return dataDir
}

function capture() {
  const out: string[] = []
  const err: string[] = []
  const output: Output = { out: (line = '') => out.push(line), err: (line = '') => err.push(line) }
  return { output, out, err }
}

describe('zhengling audit verify', () => {
  it('reports an intact chain, then the record someone edited in the database', async () => {
    const dataDir = await buildDataDir()
    const env = { ZHENGLING_DATA_DIR: dataDir }
    const clean = capture()
    assert.equal(await auditVerify(clean.output, undefined, env), 0)
    assert.match(clean.out.join('\n'), /zhongshan：3 条审计记录，链完整/)

    const handle = await openDatabase({ dataDir })
    await sql`alter table audit_records disable trigger user`.execute(handle.db)
    await sql`update audit_records set subject = 'doc-x' where chain_seq = 2`.execute(handle.db)
    await handle.close()

    const tampered = capture()
    assert.equal(await auditVerify(tampered.output, 'zhongshan', env), 1)
    assert.match(tampered.err.join('\n'), /第 2 条审计记录的内容被改动/)
  })

  it('seals what waits first; with --no-seal only looks, and names records waiting too long', async () => {
    const dataDir = await buildDataDir()
    const env = { ZHENGLING_DATA_DIR: dataDir }
    const looked = capture()
    assert.equal(await auditVerify(looked.output, 'zhongshan', env, { seal: false }), 0)
    assert.match(looked.out.join('\n'), /zhongshan：0 条审计记录，链完整（另有 3 条待封存）/)

    const handle = await openDatabase({ dataDir })
    await sql`alter table audit_records disable trigger user`.execute(handle.db)
    await sql`update audit_records set appended_at = now() - interval '2 minutes'`.execute(
      handle.db,
    )
    await sql`alter table audit_records enable trigger user`.execute(handle.db)
    await handle.close()
    const late = capture()
    assert.equal(await auditVerify(late.output, 'zhongshan', env, { seal: false }), 1)
    assert.match(late.err.join('\n'), /有 3 条审计记录未封存入链，最早的已等待 1\d\d 秒/)

    const sealed = capture()
    assert.equal(await auditVerify(sealed.output, 'zhongshan', env), 0)
    assert.match(sealed.out.join('\n'), /zhongshan：3 条审计记录，链完整$/m)
  })

  it('says so when the database was never initialised', async () => {
    const empty = capture()
    const dataDir = mkdtempSync(join(tmpdir(), 'zhengling-audit-empty-'))
    assert.equal(await auditVerify(empty.output, undefined, { ZHENGLING_DATA_DIR: dataDir }), 1)
    assert.match(empty.err.join('\n'), /数据库尚未初始化/)
  })

  it('keygen, checkpoint, then verify catches the tail deleted with the head rewound', async () => {
    const dataDir = await buildDataDir()
    const keyDir = mkdtempSync(join(tmpdir(), 'zhengling-audit-key-'))
    const key = join(keyDir, 'audit.key')
    const env = {
      ZHENGLING_DATA_DIR: dataDir,
      ZHENGLING_AUDIT_KEY: key,
      ZHENGLING_AUDIT_CHECKPOINTS: join(keyDir, 'checkpoints.jsonl'),
    }
    const made = capture()
    assert.equal(auditKeygen(made.output, key), 0)
    assert.equal(statSync(key).mode & 0o777, 0o600)
    assert.match(readFileSync(`${key}.pub`, 'utf8'), /^04[0-9a-f]{128}\n$/)
    assert.throws(() => auditKeygen(capture().output, key), /不覆盖已有密钥/)

    const sealed = capture()
    assert.equal(await auditCheckpoint(sealed.output, env), 0)
    assert.match(sealed.out.join('\n'), /zhongshan：已签署检查点（第 3 条）/)
    const clean = capture()
    assert.equal(await auditVerify(clean.output, undefined, env), 0)
    assert.match(clean.out.join('\n'), /链完整，与签名检查点相符（已签至第 3 条）/)

    const handle = await openDatabase({ dataDir })
    await sql`alter table audit_records disable trigger user`.execute(handle.db)
    await sql`delete from audit_records where chain_seq = 3`.execute(handle.db)
    await sql`update audit_chain_heads set last_seq = 2, last_hash = (select hash from audit_records where chain_seq = 2)`.execute(
      handle.db,
    )
    await handle.close()

    const tampered = capture()
    assert.equal(await auditVerify(tampered.output, undefined, env), 1)
    assert.match(
      tampered.err.join('\n'),
      /第 3 条，该条审计记录已不存在：末尾记录被删除、链头被回退/,
    )
    const unchecked = capture()
    assert.equal(await auditVerify(unchecked.output, undefined, { ZHENGLING_DATA_DIR: dataDir }), 0)
    assert.match(unchecked.out.join('\n'), /未配置审计公钥/)
  })
})
