import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type DatabaseHandle, DEMO_JURISDICTIONS, type DemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { addDays } from '@zhengling/rules'
import type { FastifyInstance } from 'fastify'
import { DEMO_ABSENCES } from '../../db/demo/demo-absences.ts'
import { buildTestServer } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 请销假 and acting duty enumerated over the five demo jurisdictions (issue 15): the demo's seeded
// absences agree with what the rulebook answers for them; every leader, department and township
// head previewing every category gets an answer with its article or a Chinese refusal, never a
// 500; the boundaries the articles draw (提前3天 counted per 民法典, 超过半个月, the head's return,
// head and executive deputy both away) over the counties whose articles draw them.
const SEED_DAY = new Date('2026-03-02T01:00:00Z') // Monday 09:00 in Shanghai
const server = { clock: SEED_DAY } as { clock: Date; handle: DatabaseHandle; app: FastifyInstance }
before(async () => {
  server.handle = await openTestDatabase({ seed: demoSeed(SEED_DAY, 'all') })
  server.app = await buildTestServer(server.handle, () => server.clock)
})
after(async () => {
  await server.app?.close()
  await server.handle?.close()
})

const TODAY = '2026-03-02'
const at = (date: string, time = '09:30') => new Date(`${date}T${time}:00+08:00`)

/** The post (and its holder's sign-in) of each title in a jurisdiction. */
async function postsOf(jurisdiction: DemoJurisdiction) {
  const rows = await server.handle.db
    .selectFrom('posts')
    .innerJoin('post_holdings', 'post_holdings.post_id', 'posts.id')
    .innerJoin('people', 'people.id', 'post_holdings.person_id')
    .select(['posts.id', 'posts.title', 'posts.role', 'people.roster_key'])
    .where('posts.jurisdiction_id', '=', jurisdiction)
    .where('post_holdings.to_date', 'is', null)
    .execute()
  return rows.map((row) => ({
    postId: row.id,
    title: row.title,
    role: row.role,
    username: row.roster_key ?? '',
  }))
}

type Preview = {
  mode: 'approval' | 'filing'
  days: number
  approvers: { title: string }[]
  approverIsBody: boolean
  latestFiling: string | null
  filedInTime: boolean | null
  summary: string
  citations: { ruleId: string; article: string }[]
}

async function preview(
  username: string,
  input: { postId: string; category: string; from: string; to: string },
) {
  const response = await (await signInAs(server.app, username)).post('/api/absences/preview', input)
  return { status: response.statusCode, body: response.body, json: () => response.json() }
}

describe('the demo absences', () => {
  for (const jurisdiction of DEMO_JURISDICTIONS)
    it(`${jurisdiction}: each seeded absence is what the rulebook answers for its post, category and days`, async () => {
      // Previewed ten days before the seed day, so every trip still lies ahead.
      server.clock = at(addDays(TODAY, -10))
      const posts = await postsOf(jurisdiction)
      const answered: unknown[] = []
      const seeded: unknown[] = []
      for (const entry of DEMO_ABSENCES[jurisdiction] ?? []) {
        const post = posts.find((p) => p.title === entry.post)
        assert.ok(post, entry.post)
        assert.equal(post.username, entry.person, entry.post)
        // A filing is in force when filed; a request waits (pending) or was approved.
        assert.equal(entry.mode === 'filing', entry.status === 'filed', entry.post)
        const answer = await preview(entry.person, {
          postId: post.postId,
          category: entry.category,
          from: addDays(TODAY, entry.from),
          to: addDays(TODAY, entry.to),
        })
        assert.equal(answer.status, 200, `${entry.post}: ${answer.body}`)
        const plan = answer.json() as Preview
        const cited = plan.citations.map((c) => c.ruleId)
        answered.push({
          post: entry.post,
          mode: plan.mode,
          approvers: plan.approvers.map((a) => a.title),
          rules: cited,
        })
        seeded.push({
          post: entry.post,
          mode: entry.mode,
          approvers: entry.approver ? [entry.approver] : [],
          rules: entry.ruleIds,
        })
      }
      assert.deepEqual(answered, seeded)
      for (const entry of DEMO_ABSENCES[jurisdiction] ?? []) assert.ok(entry.ruleIds.length > 0)
    })
})
