import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createScryptHasher, logIn, sm3Hasher, verifyAuditTrail } from '@zhengling/app'
import { createAuditRepository } from './audit-repository.ts'
import { createInTransaction } from './repositories.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createOrganisationDirectory } from './organisation-directory.ts'
import { createOrganisationRepository } from './organisation-repository.ts'
import { DEMO_PASSWORD, seedDemo, seedDemoJurisdiction } from './seed-demo.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

let handle: DatabaseHandle
before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

describe('demo jurisdiction', () => {
  it('seeds 钟山区 once, audited, with working accounts and portfolios', async () => {
    const passwords = createScryptHasher(2 ** 12)
    const now = () => new Date('2026-03-02T01:00:00Z')
    const first = await seedDemoJurisdiction(handle.db, { now, passwords })
    assert.equal(first.created, true)
    assert.equal(first.accounts.length, 14)
    assert.deepEqual(await seedDemoJurisdiction(handle.db, { now, passwords }), {
      created: false,
      accounts: [],
    })

    const finance = await handle.db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', '区财政局')
      .executeTakeFirstOrThrow()
    const overseers = await createOrganisationRepository(handle.db).overseersOf(
      finance.id,
      '2026-03-02',
    )
    assert.deepEqual(
      overseers.map((post) => post.title),
      ['常务副区长'],
    )

    const session = await logIn(
      { inTransaction: createInTransaction(handle.db), hasher: sm3Hasher, passwords, now },
      { username: 'auditAdmin', password: DEMO_PASSWORD },
    )
    assert.ok(session.token.length > 20)
    // The audit admin's sign-in is a deployment act: the jurisdiction's chain holds the roster
    // import and the seed only.
    const [report] = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      jurisdictionId: 'zhongshan',
    })
    assert.deepEqual(report, { jurisdictionId: 'zhongshan', records: 2, problems: [] })
  })

  it('seeds 托克逊县 beside it with its own accounts and numbering prefixes', async () => {
    const passwords = createScryptHasher(2 ** 12)
    const now = () => new Date('2026-03-02T01:00:00Z')
    // 钟山区 exists from the test above: only 托克逊县 is new.
    const result = await seedDemo(handle.db, { now, passwords })
    assert.equal(result.created, true)
    assert.ok(result.accounts.some((line) => line.startsWith('tks-secretariat（')))
    const prefixes = await createOrganisationDirectory(handle.db).documentPrefixes('toksun')
    assert.deepEqual(
      prefixes.map((p) => p.prefix),
      ['托政办函', '托政办发', '托政函', '托政发'].sort(),
    )
    const session = await logIn(
      { inTransaction: createInTransaction(handle.db), hasher: sm3Hasher, passwords, now },
      { username: 'tks-secretariat', password: DEMO_PASSWORD },
    )
    assert.ok(session.token.length > 20)
    assert.equal((await seedDemo(handle.db, { now, passwords })).created, false)
  })
})
