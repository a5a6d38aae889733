import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { actStatements } from './test-support/act-statements.ts'
import { buildTestServer } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 因公出国(境) follow-ups (issue 15): after a trip abroad is closed by 销假, the duties 二连浩特 六十一
// sets from the return — 公务护照 within 7 days, 出访总结 within 1 month — with their due dates and
// article, overdue when not recorded in time; recorded done by the traveller or the office. A
// county whose rules set none shows none. Tuesday 10 March 2026 in Shanghai.
const TODAY = new Date('2026-03-10T01:00:00Z')
let handle: DatabaseHandle
let app: FastifyInstance
before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(TODAY, 'all') })
  app = await buildTestServer(handle, () => TODAY)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

/** A trip abroad closed by 销假, as the absences module leaves it (contract C2). */
async function returnedTrip(rosterKey: string, returnedOn: string, category = 'abroad') {
  const holding = await handle.db
    .selectFrom('people')
    .innerJoin('post_holdings', 'post_holdings.person_id', 'people.id')
    .innerJoin('posts', 'posts.id', 'post_holdings.post_id')
    .select(['people.id as personId', 'posts.id as postId', 'people.jurisdiction_id'])
    .where('people.roster_key', '=', rosterKey)
    .executeTakeFirstOrThrow()
  const id = randomUUID()
  await handle.db
    .insertInto('absences')
    .values({
      id,
      jurisdiction_id: holding.jurisdiction_id,
      person_id: holding.personId,
      post_id: holding.postId,
      category,
      from_date: '2026-02-20',
      to_date: returnedOn,
      days: 5,
      destination: '蒙古国扎门乌德',
      reason: '口岸合作会谈',
      contact: '13800000000',
      mode: 'approval',
      status: 'returned',
      filed_at: '2026-02-10T01:00:00Z',
      returned_on: returnedOn,
      return_report: '会谈情况已报告',
      created_at: '2026-02-10T01:00:00Z',
      updated_at: '2026-03-02T01:00:00Z',
    } as never)
    .execute()
  return id
}

interface FollowUp {
  absenceId: string
  ruleId: string
  act: string
  due: string
  doneOn: string | null
  overdue: boolean
  mayRecord: boolean
  citations: { article: string }[]
}

describe('因公出国(境) follow-ups after 销假', () => {
  it('二连浩特 六十一: passport in 7 days, summary in a month, recorded by the traveller', async () => {
    const trip = await returnedTrip('el-deputy-2', '2026-03-02')
    const traveller = await signInAs(app, 'el-deputy-2')
    const mine = (await traveller.get('/api/abroad-follow-ups'))
      .json()
      .items.filter((item: FollowUp) => item.absenceId === trip) as FollowUp[]
    assert.equal(mine.length, 2, JSON.stringify(mine))
    const passport = mine.find((item) => /护照/.test(item.act))
    const summary = mine.find((item) => /出访总结/.test(item.act))
    assert.ok(passport && summary)
    assert.deepEqual(
      [passport.due, passport.overdue, summary.due, summary.overdue],
      ['2026-03-09', true, '2026-04-02', false],
    )
    for (const item of mine) {
      assert.equal(item.citations[0]?.article, '六十一')
      assert.equal(item.mayRecord, true)
    }

    // 待我办理: the traveller's workbench has both, the passport overdue.
    const work = (await traveller.get('/api/workbench'))
      .json()
      .items.filter((item: { kind: string }) => item.kind === 'abroadFollowUp')
    assert.deepEqual(
      work.map((item: { dueDate: string; overdue: boolean; target: { id: string } }) => [
        item.dueDate,
        item.overdue,
        item.target.id,
      ]),
      [
        ['2026-03-09', true, trip],
        ['2026-04-02', false, trip],
      ],
    )
    // Someone else's trip: seen (not secret) but not theirs to record.
    const other = await signInAs(app, 'el-deputy-3')
    assert.ok(
      !(await other.get('/api/abroad-follow-ups'))
        .json()
        .items.some((item: FollowUp) => item.absenceId === trip),
    )
    const byOther = await other.post('/api/abroad-follow-ups/done', {
      absenceId: trip,
      ruleId: passport.ruleId,
    })
    assert.equal(byOther.statusCode, 403, byOther.body)

    const { inAct } = await actStatements(handle.db, () =>
      traveller.post('/api/abroad-follow-ups/done', {
        absenceId: trip,
        ruleId: passport.ruleId,
        doneOn: '2026-03-10',
      }),
    )
    assert.ok(inAct.length <= 10, inAct.join('\n'))
    const left = (await traveller.get('/api/workbench'))
      .json()
      .items.filter((item: { kind: string }) => item.kind === 'abroadFollowUp')
    assert.deepEqual(
      left.map((item: { dueDate: string }) => item.dueDate),
      ['2026-04-02'],
    )
    const again = await traveller.post('/api/abroad-follow-ups/done', {
      absenceId: trip,
      ruleId: passport.ruleId,
    })
    assert.equal(again.statusCode, 403, again.body)
    assert.equal(again.json().error.code, 'ALREADY_RECORDED')
    const unknown = await traveller.post('/api/abroad-follow-ups/done', {
      absenceId: trip,
      ruleId: 'erlianhaote.leave.leaders',
    })
    assert.equal(unknown.statusCode, 422, unknown.body)
    assert.equal(unknown.json().error.code, 'NOT_A_FOLLOW_UP')
    const early = await traveller.post('/api/abroad-follow-ups/done', {
      absenceId: trip,
      ruleId: summary.ruleId,
      doneOn: '2026-03-01',
    })
    assert.equal(early.statusCode, 422, early.body)

    // The office sees every trip, the passport recorded (late), the summary still open.
    const office = await signInAs(app, 'el-officeDirector')
    const seen = (await office.get('/api/abroad-follow-ups'))
      .json()
      .items.filter((item: FollowUp) => item.absenceId === trip) as FollowUp[]
    const recorded = seen.find((item) => item.ruleId === passport.ruleId)
    assert.deepEqual(
      [recorded?.doneOn, recorded?.overdue, recorded?.mayRecord],
      ['2026-03-10', false, false],
    )
    assert.equal(seen.find((item) => item.ruleId === summary.ruleId)?.mayRecord, true)
  })

  it('a trip that is not abroad, or in a county whose rules set no follow-up, has none', async () => {
    const trip = await returnedTrip('el-deputy-4', '2026-03-02', 'businessTrip')
    const zs = await returnedTrip('zs-deputy-2', '2026-03-02')
    const elOffice = await signInAs(app, 'el-officeDirector')
    const zsOffice = await signInAs(app, 'zs-officeDirector')
    const listed = [
      ...(await elOffice.get('/api/abroad-follow-ups')).json().items,
      ...(await zsOffice.get('/api/abroad-follow-ups')).json().items,
    ]
    assert.ok(!listed.some((item: FollowUp) => item.absenceId === trip || item.absenceId === zs))
  })
})
