import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from './open-database.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'
import { createOrganisationRepository } from './organisation-repository.ts'

let handle: DatabaseHandle
before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

/** A small district of its own per test: finance bureau, two deputies, a head, people and dates. */
async function buildDistrict() {
  const jurisdiction = `district${randomUUID().slice(0, 8)}`
  const db = handle.db
  await db
    .insertInto('jurisdictions')
    .values({ id: jurisdiction, name: '测试区', level: 'district', rulebook_version: '2022' })
    .execute()
  const finance = randomUUID()
  await db
    .insertInto('departments')
    .values({ id: finance, jurisdiction_id: jurisdiction, name: '区财政局', kind: 'department' })
    .execute()
  const post = async (role: string, title: string) => {
    const id = randomUUID()
    await db
      .insertInto('posts')
      .values({ id, jurisdiction_id: jurisdiction, role, title, department_id: null })
      .execute()
    return id
  }
  const person = async (name: string) => {
    const id = randomUUID()
    await db.insertInto('people').values({ id, jurisdiction_id: jurisdiction, name }).execute()
    return id
  }
  const head = await post('principal', '区长')
  const executive = await post('executiveDeputy', '常务副区长')
  const deputy = await post('deputy', '副区长（财政）')
  const zhang = await person('张三')
  const li = await person('李四')
  await db
    .insertInto('post_holdings')
    .values([
      { id: randomUUID(), post_id: head, person_id: zhang, from_date: '2022-01-01', to_date: null },
      // 李四 holds two posts: executive deputy until June, then the finance deputy.
      {
        id: randomUUID(),
        post_id: executive,
        person_id: li,
        from_date: '2022-01-01',
        to_date: '2026-06-30',
      },
      { id: randomUUID(), post_id: deputy, person_id: li, from_date: '2026-07-01', to_date: null },
    ])
    .execute()
  await db
    .insertInto('portfolios')
    .values([
      {
        post_id: executive,
        department_id: finance,
        from_date: '2022-01-01',
        to_date: '2026-06-30',
      },
      { post_id: deputy, department_id: finance, from_date: '2026-07-01', to_date: null },
    ])
    .execute()
  await db
    .insertInto('acting_assignments')
    .values({
      id: randomUUID(),
      post_id: head,
      acting_post_id: executive,
      from_date: '2026-03-02',
      to_date: '2026-03-06',
      rule_id: 'zhongshan.acting.principal',
    })
    .execute()
  return { finance, head, executive, deputy }
}

describe('organisation repository', () => {
  it('answers who oversees a department on a date, as portfolios change', async () => {
    const district = await buildDistrict()
    const organisation = createOrganisationRepository(handle.db)
    const march = await organisation.overseersOf(district.finance, '2026-03-02')
    assert.deepEqual(
      march.map((p) => [p.title, p.holders.map((h) => h.name)]),
      [['常务副区长', ['李四']]],
    )
    const july = await organisation.overseersOf(district.finance, '2026-07-01')
    assert.deepEqual(
      july.map((p) => [p.title, p.holders.map((h) => h.name)]),
      [['副区长（财政）', ['李四']]],
    )
  })

  it('a post nobody holds that day is vacant', async () => {
    const district = await buildDistrict()
    const executive = await createOrganisationRepository(handle.db).post(
      district.executive,
      '2026-07-01',
    )
    assert.deepEqual(executive?.holders, [])
  })

  it('finds the acting post only within the assignment dates', async () => {
    const district = await buildDistrict()
    const organisation = createOrganisationRepository(handle.db)
    assert.equal((await organisation.actingFor(district.head, '2026-03-06'))?.title, '常务副区长')
    assert.equal(await organisation.actingFor(district.head, '2026-03-07'), undefined)
  })

  it('the database refuses a holding that ends before it starts', async () => {
    const district = await buildDistrict()
    const person = randomUUID()
    await handle.db
      .insertInto('people')
      .values({
        id: person,
        jurisdiction_id: (
          await handle.db
            .selectFrom('posts')
            .select('jurisdiction_id')
            .where('id', '=', district.head)
            .executeTakeFirstOrThrow()
        ).jurisdiction_id,
        name: '王五',
      })
      .execute()
    await assert.rejects(
      handle.db
        .insertInto('post_holdings')
        .values({
          id: randomUUID(),
          post_id: district.head,
          person_id: person,
          from_date: '2026-03-02',
          to_date: '2026-03-01',
        })
        .execute(),
      /check constraint/,
    )
  })
})
