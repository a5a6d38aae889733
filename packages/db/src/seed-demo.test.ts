import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createScryptHasher, logIn, sm3Hasher, verifyAuditTrail } from '@zhengling/app'
import { addDays } from '@zhengling/rules'
import { DEMO_ABSENCES } from '../demo/demo-absences.ts'
import { createAuditRepository } from './audit-repository.ts'
import { createInTransaction } from './repositories.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createOrganisationDirectory } from './organisation-directory.ts'
import { createOrganisationRepository } from './organisation-repository.ts'
import {
  DEMO_JURISDICTIONS,
  DEMO_PASSWORD,
  demoRoster,
  seedDemo,
  seedDemoJurisdiction,
} from './seed-demo.ts'
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
    assert.equal(first.accounts.length, 19)
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

  it('seeds the other demo jurisdictions beside it, each person with an account that signs in', async () => {
    const scrypt = createScryptHasher(2 ** 12)
    // The one demo password is hashed once for all of them (each hash is a deliberate cost).
    let hashes = 0
    const passwords = { ...scrypt, hash: (password: string) => (hashes++, scrypt.hash(password)) }
    const now = () => new Date('2026-03-02T01:00:00Z')
    // 钟山区 exists from the test above: the other four are new.
    const result = await seedDemo(handle.db, { now, passwords })
    assert.equal(result.created, true)
    assert.equal(hashes, 1)
    assert.deepEqual(
      (await createOrganisationDirectory(handle.db).jurisdictions()).map((j) => j.id).sort(),
      [...DEMO_JURISDICTIONS].sort(),
    )
    for (const jurisdiction of DEMO_JURISDICTIONS) {
      const roster = demoRoster(jurisdiction)
      const accounts = await handle.db
        .selectFrom('accounts')
        .innerJoin('people', 'people.id', 'accounts.person_id')
        .select('accounts.username')
        .where('people.jurisdiction_id', '=', jurisdiction)
        .execute()
      assert.deepEqual(
        accounts.map((a) => a.username).sort(),
        roster.people.map((p) => p.key).sort(),
        jurisdiction,
      )
      for (const person of roster.people) {
        // The printed list names every account with its person and posts.
        assert.ok(
          result.accounts.some((line) =>
            line.startsWith(`${person.key}（${person.name}，${roster.jurisdiction.name} `),
          ),
          person.key,
        )
        const session = await logIn(
          { inTransaction: createInTransaction(handle.db), hasher: sm3Hasher, passwords, now },
          { username: person.key, password: DEMO_PASSWORD },
        )
        assert.ok(session.token.length > 20, person.key)
      }
    }
    const directory = createOrganisationDirectory(handle.db)
    const prefixesOf = async (jurisdiction: string) =>
      (await directory.documentPrefixes(jurisdiction)).map((p) => p.prefix).sort()
    assert.deepEqual(
      await prefixesOf('toksun'),
      ['托政办函', '托政办发', '托政函', '托政发'].sort(),
    )
    // 延津's rulebook names 延政 (its rules' own number); the roster adds the county's others.
    assert.deepEqual(await prefixesOf('yanjin'), ['延政办', '延政办文', '延政文'].sort())
    assert.deepEqual(
      await prefixesOf('erlianhaote'),
      ['二政办发', '二政办字', '二政发', '二政字'].sort(),
    )
    assert.equal((await seedDemo(handle.db, { now, passwords })).created, false)
    assert.equal(hashes, 1, 'nothing new, nothing hashed')
  })

  // Seeded on 2026-03-02 (Shanghai): each jurisdiction has a leader away now, a request waiting for
  // its approver, and a trip over without 销假 — with their history and the office's 知悉范围.
  for (const jurisdiction of DEMO_JURISDICTIONS)
    it(`seeds ${jurisdiction}'s absences on dates counted from the seed day`, async () => {
      const rows = await handle.db
        .selectFrom('absences as a')
        .innerJoin('posts as p', 'p.id', 'a.post_id')
        .leftJoin('posts as ap', 'ap.id', 'a.approver_post_id')
        .select([
          'a.id',
          'p.title',
          'a.status',
          'a.from_date',
          'a.to_date',
          'a.returned_on',
          'ap.title as approver',
          'a.rule_ids',
          'a.distribution_departments',
        ])
        .where('a.jurisdiction_id', '=', jurisdiction)
        .orderBy('a.from_date')
        .execute()
      const today = '2026-03-02'
      const inForce = (r: { status: string }) => r.status === 'approved' || r.status === 'filed'
      const away = rows.filter((r) => inForce(r) && r.from_date <= today && today <= r.to_date)
      const pending = rows.filter((r) => r.status === 'pending' && r.from_date > today)
      const overdue = rows.filter((r) => inForce(r) && r.to_date < today && !r.returned_on)
      assert.deepEqual(
        [away.length, pending.length, overdue.length, rows.length],
        [1, 1, 1, 3],
        JSON.stringify(rows),
      )
      const demo = DEMO_ABSENCES[jurisdiction] ?? []
      for (const row of rows) {
        const entry = demo.find((d) => d.post === row.title)
        assert.ok(entry, row.title)
        assert.equal(row.from_date, addDays(today, entry.from))
        assert.equal(row.to_date, addDays(today, entry.to))
        assert.equal(row.approver, entry.approver ?? null)
        assert.deepEqual(row.rule_ids, entry.ruleIds)
        assert.equal(row.distribution_departments.length, 1, 'the government office sees it')
      }
      const events = await handle.db
        .selectFrom('absence_events')
        .select(['absence_id', 'action', 'actor_person_id'])
        .where(
          'absence_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
      for (const row of rows)
        assert.deepEqual(
          events.filter((e) => e.absence_id === row.id).map((e) => e.action),
          ({ approved: ['request', 'approve'], filed: ['file'] } as Record<string, string[]>)[
            row.status
          ] ?? ['request'],
        )
      assert.ok(
        events.every((e) => e.actor_person_id),
        'every step by its holder',
      )
    })
})

describe('demo jurisdiction 木里藏族自治县', () => {
  let muli: DatabaseHandle
  before(async () => {
    muli = await openTestDatabase()
  })
  after(() => muli.close())

  it('seeds alone, once, audited, with its accounts, meeting posts, portfolios and prefixes', async () => {
    const passwords = createScryptHasher(2 ** 12)
    const now = () => new Date('2026-03-02T01:00:00Z')
    const first = await seedDemoJurisdiction(muli.db, { now, passwords, jurisdiction: 'muli' })
    assert.equal(first.created, true)
    // One account per person of the roster; the administrators come with 钟山区 only.
    assert.equal(first.accounts.length, 25)
    assert.ok(first.accounts.every((username) => username.startsWith('ml-')))
    assert.deepEqual(
      (await createOrganisationDirectory(muli.db).jurisdictions()).map((j) => j.id),
      ['muli'],
    )
    assert.deepEqual(
      await seedDemoJurisdiction(muli.db, { now, passwords, jurisdiction: 'muli' }),
      { created: false, accounts: [] },
    )

    // 常务会议 (第十五条): 县长、副县长 (the executive deputy among them) and 办公室主任, six posts,
    // all held, so its quorum (超过二分之一) is 4 of 6.
    const posts = await createOrganisationRepository(muli.db).postsOf('muli', '2026-03-02')
    const standing = posts.filter((post) =>
      ['principal', 'executiveDeputy', 'deputy', 'officeDirector'].includes(post.role),
    )
    assert.equal(standing.length, 6)
    assert.ok(standing.every((post) => post.holders.length === 1))
    // The posts the rules name outright: the 目督办 (督查, 第七十九条至第八十一条), the 法制办 and
    // 监察局 heads (常务会议列席), the 审计局 and 人社局 heads (党组会议), the 人武部 head.
    for (const role of [
      'supervisionOffice',
      'legalOfficeHead',
      'supervisionBureauHead',
      'auditBureauHead',
      'hrBureauHead',
      'armedForcesHead',
      'secretariat',
      'deputyOfficeDirector',
    ])
      assert.equal(posts.filter((post) => post.role === role).length, 1, role)

    const audit = await muli.db
      .selectFrom('departments')
      .select('id')
      .where('jurisdiction_id', '=', 'muli')
      .where('name', '=', '县审计局')
      .executeTakeFirstOrThrow()
    const overseers = await createOrganisationRepository(muli.db).overseersOf(
      audit.id,
      '2026-03-02',
    )
    assert.deepEqual(
      overseers.map((post) => post.title),
      ['常务副县长'],
    )
    // Every department and township is in a deputy's portfolio.
    const units = await muli.db
      .selectFrom('departments')
      .leftJoin('portfolios', 'portfolios.department_id', 'departments.id')
      .select(['departments.name', 'portfolios.post_id'])
      .where('departments.jurisdiction_id', '=', 'muli')
      .where('departments.kind', '!=', 'desk')
      .execute()
    assert.deepEqual(
      units.filter((unit) => unit.post_id === null).map((unit) => unit.name),
      [],
    )

    const prefixes = await createOrganisationDirectory(muli.db).documentPrefixes('muli')
    assert.deepEqual(
      prefixes.map((p) => p.prefix),
      ['木府办函', '木府办发', '木府函', '木府发'].sort(),
    )
    const session = await logIn(
      { inTransaction: createInTransaction(muli.db), hasher: sm3Hasher, passwords, now },
      { username: 'ml-supervisionOffice', password: DEMO_PASSWORD },
    )
    assert.ok(session.token.length > 20)
    // The chain holds the roster import, the seed and the sign-in of one of its people.
    const [report] = await verifyAuditTrail({
      audit: createAuditRepository(muli.db),
      jurisdictionId: 'muli',
    })
    assert.deepEqual(report, { jurisdictionId: 'muli', records: 3, problems: [] })
  })
})

// The leaders the acting and leave rules need, in every demo roster (issue 15): the head, the
// executive deputy, deputies to rank (依次), the office director, and department and township heads.
describe('demo rosters have the posts acting duty and 请销假 ask for', () => {
  for (const jurisdiction of DEMO_JURISDICTIONS)
    it(jurisdiction, () => {
      const roster = demoRoster(jurisdiction)
      const held = (role: string) =>
        roster.posts.filter((post) => post.role === role && post.holders.length > 0).length
      assert.deepEqual(
        {
          principal: held('principal'),
          executiveDeputy: held('executiveDeputy'),
          officeDirector: held('officeDirector'),
        },
        { principal: 1, executiveDeputy: 1, officeDirector: 1 },
      )
      assert.ok(held('deputy') >= 2, 'deputies to rank')
      assert.ok(held('departmentHead') >= 2, 'department heads')
      assert.ok(held('townshipHead') >= 2, 'township heads')
      assert.ok(
        roster.departments.some((unit) => unit.rulebookPost === 'governmentOffice'),
        'the government office',
      )
    })
})
