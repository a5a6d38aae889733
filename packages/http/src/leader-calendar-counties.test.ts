import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer } from './test-support/build-test-server.ts'
import { DEMO_ROSTERS } from './test-support/demo-rosters.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 领导活动安排 in each of the five demo counties, as its office director reads it: the leadership
// its rulebook names (县长、副县长…; 二连浩特 also 秘书长 and 市长助理), in the roster's order, with
// holders; the printed table under the government's name; nobody else's jurisdiction.
const MONDAY = new Date('2026-03-02T01:00:00Z')
let handle: DatabaseHandle
let app: FastifyInstance
before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(MONDAY, 'all') })
  app = await buildTestServer(handle, () => MONDAY)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

// The calendar's display order by role; within a role, the roster file's order.
const ROLE_ORDER = ['principal', 'executiveDeputy', 'deputy', 'headAssistant', 'officeDirector']

describe('领导活动安排：五个县（市、区）', () => {
  for (const roster of DEMO_ROSTERS) {
    const name = roster.jurisdiction.name
    const people = new Map(roster.people.map((person) => [person.key, person.name]))
    const office = roster.posts.find((post) => post.role === 'officeDirector')
    const officeKey = office?.holders[0]?.person ?? ''

    it(`${name}: the office director sees the leadership in the roster’s order`, async () => {
      const expected = roster.posts
        .map((post, index) => ({ post, index }))
        .filter(({ post }) => ROLE_ORDER.includes(post.role))
        .sort(
          (a, b) =>
            ROLE_ORDER.indexOf(a.post.role) - ROLE_ORDER.indexOf(b.post.role) || a.index - b.index,
        )
        .map(
          ({ post }) =>
            `${post.title} ${post.holders.map((holder) => people.get(holder.person)).join('、')}`,
        )
      const director = await signInAs(app, officeKey)
      const answer = await director.get('/api/leader-calendar?week=2026-03-02')
      assert.equal(answer.statusCode, 200, answer.body)
      const view = answer.json()
      assert.equal(view.jurisdictionName, name)
      assert.deepEqual(
        view.leaders.map(
          (leader: { title: string; holders: string[] }) =>
            `${leader.title} ${leader.holders.join('、')}`,
        ),
        expected,
      )
      const printed = await director.get('/api/leader-calendar/print?week=2026-03-02')
      assert.equal(printed.statusCode, 200)
      assert.ok(printed.body.includes(`${name}领导活动安排表（2026年3月2日—3月8日）`))
    })
  }

  it('answers only the viewer’s own jurisdiction: another county’s leader is not found', async () => {
    const [first, second] = DEMO_ROSTERS
    assert.ok(first && second)
    const directorOf = (roster: typeof first) =>
      roster.posts.find((post) => post.role === 'officeDirector')?.holders[0]?.person ?? ''
    const other = await signInAs(app, directorOf(second))
    const theirs = (await other.get('/api/leader-calendar?week=2026-03-02')).json()
    const mine = await signInAs(app, directorOf(first))
    for (const leader of theirs.leaders as { postId: string }[]) {
      const answer = await mine.get(`/api/leader-calendar?week=2026-03-02&postId=${leader.postId}`)
      assert.equal(answer.statusCode, 404)
      assert.equal(answer.json().error.code, 'LEADER_NOT_FOUND')
    }
  })
})
