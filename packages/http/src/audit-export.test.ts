import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  createSm2Signer,
  DEPLOYMENT_CHAIN,
  generateSm2KeyPair,
  sm3Hasher,
  verifyAuditExport,
} from '@zhengling/app'
import { type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'
import { TEST_PASSWORDS, testLibrary } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { TEST_SECOND_FACTOR } from './test-support/test-authenticator.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// The audit admin's signed export (issue 13 part 6): a date range of one chain as JSON lines with
// an SM2 signature, which `zhengling audit verify --file` checks (verifyAuditExport here).
const SEEDED = new Date('2026-03-02T01:00:00Z')
const clock = SEEDED
const keys = generateSm2KeyPair()
let handle: DatabaseHandle
let app: FastifyInstance
let keyless: FastifyInstance

function serverWith(signer: ReturnType<typeof createSm2Signer> | undefined) {
  return buildServer({
    library: testLibrary(),
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now: () => clock,
      secureCookies: true,
      secondFactor: TEST_SECOND_FACTOR,
    },
    auditSigner: signer,
  })
}

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(SEEDED) })
  app = await serverWith(createSm2Signer(keys.privateKey))
  keyless = await serverWith(undefined)
})
after(async () => {
  await app.close()
  await keyless.close()
  await handle.close()
})

describe('signed audit export', () => {
  it('the audit admin downloads a range that verifies; the export is audited', async () => {
    await signInAs(app, 'zs-principal')
    const { get } = await signInAs(app, 'auditAdmin')
    const response = await get('/api/audit/chains/zhongshan/export?from=2026-03-01&to=2026-03-02')
    assert.equal(response.statusCode, 200, response.body)
    assert.match(String(response.headers['content-disposition']), /audit-zhongshan-2026-03-01/)
    const check = verifyAuditExport(response.body, keys.publicKey)
    assert.deepEqual(check.problems, [])
    assert.ok(check.records >= 2, `${check.records} records`)
    assert.equal(check.header?.exportedBy, 'auditAdmin')
    const exported = await handle.db
      .selectFrom('audit_records')
      .select('subject')
      .where('jurisdiction_id', '=', DEPLOYMENT_CHAIN)
      .where('action', '=', 'audit.export')
      .execute()
    assert.deepEqual(
      exported.map((row) => row.subject),
      ['zhongshan'],
    )
    const empty = await get('/api/audit/chains/zhongshan/export?from=2025-01-01&to=2025-01-31')
    assert.equal(verifyAuditExport(empty.body, keys.publicKey).records, 0)
  })

  it('refuses others, bad dates and a server without a key, in Chinese, never 5xx', async () => {
    for (const username of ['zs-principal', 'securityAdmin']) {
      const denied = await (
        await signInAs(app, username)
      ).get('/api/audit/chains/zhongshan/export?from=2026-03-01&to=2026-03-02')
      assert.equal(denied.statusCode, 403, username)
    }
    const { get } = await signInAs(app, 'auditAdmin')
    for (const query of ['from=2026-02-30&to=2026-03-02', 'from=2026-03-01', 'from=x&to=y']) {
      const bad = await get(`/api/audit/chains/zhongshan/export?${query}`)
      assert.equal(bad.statusCode, 400, `${query}: ${bad.body}`)
    }
    const reversed = await get('/api/audit/chains/zhongshan/export?from=2026-03-05&to=2026-03-01')
    assert.equal(reversed.statusCode, 422)
    assert.equal(reversed.json().error.code, 'AUDIT_EXPORT_RANGE')
    const noKey = await (
      await signInAs(keyless, 'auditAdmin')
    ).get('/api/audit/chains/zhongshan/export?from=2026-03-01&to=2026-03-02')
    assert.equal(noKey.statusCode, 422)
    assert.equal(noKey.json().error.code, 'AUDIT_KEY_NOT_CONFIGURED')
    assert.match(noKey.json().error.message, /未配置审计签名密钥/)
  })
})
