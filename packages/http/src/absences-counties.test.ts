import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 请销假 where the counties' rules differ: 钟山 第七十四条 (a department head files 提前3天 原则上
// with the 区人民政府 as approver — a body the office registers; a deputy asks the 区长; the 区长
// files), 第六条 (who acts while the 区长 is away); 木里 第一百零八条 (县长与常务副县长一般不同时外出:
// flagged and recorded, not refused).
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
const as = (username: string) => signInAs(app, username)
type User = Awaited<ReturnType<typeof as>>
/** The id of a post the signed-in person holds (titles repeat across counties: 县长). */
const postOf = (user: User, title: string): string => {
  const post = user.me.posts.find((p: { title: string }) => p.title === title)
  assert.ok(post, title)
  return post.postId
}
const trip = async (
  user: User,
  title: string,
  from: string,
  to: string,
  category = 'businessTrip',
) => ({
  postId: postOf(user, title),
  category,
  from,
  to,
  destination: '贵阳市',
  reason: '参加全省工作会议',
  contact: '13800000000',
})
const preview = (input: { postId: string; category: string; from: string; to: string }) => ({
  postId: input.postId,
  category: input.category,
  from: input.from,
  to: input.to,
})
const articles = (citations: { article: string }[]) => citations.map((c) => c.article)

describe('请销假 in 钟山区 (第七十四条, 第六条)', () => {
  it('a department head filing less than 3 days ahead is accepted, marked late, citing the article', async () => {
    const finance = await as('zs-departmentHead-9')
    const late = await trip(finance, '区财政局局长', '2026-03-04', '2026-03-05')
    const plan = await finance.post('/api/absences/preview', preview(late))
    assert.equal(plan.statusCode, 200, plan.body)
    assert.equal(plan.json().mode, 'approval')
    // 3 days before 2026-03-04, the day of departure not counted.
    assert.equal(plan.json().latestFiling, '2026-03-01')
    assert.equal(plan.json().filedInTime, false)
    assert.ok(articles(plan.json().citations).includes('第七十四条'), plan.body)
    // The 区人民政府 approves: a body off the roster, registered by the office's head.
    assert.equal(plan.json().approverIsBody, true)
    assert.deepEqual(
      plan.json().approvers.map((a: { title: string }) => a.title),
      ['区人民政府办公室主任'],
    )
    const inTime = await finance.post(
      '/api/absences/preview',
      preview(await trip(finance, '区财政局局长', '2026-03-05', '2026-03-06')),
    )
    assert.equal(inTime.json().filedInTime, true, inTime.body)
    assert.equal(inTime.json().latestFiling, '2026-03-02')

    const filed = await finance.post('/api/absences', late)
    assert.equal(filed.statusCode, 201, filed.body)
    assert.equal(filed.json().late, true)
    assert.equal(filed.json().latestFiling, '2026-03-01')
    const office = await as('zs-officeDirector')
    const approved = await office.post(`/api/absences/${filed.json().id}/approve`, {})
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().status, 'approved')
  })

  it('a deputy asks the 区长; the 区长 files and is in force at once', async () => {
    const deputy = await as('zs-deputy-3')
    const input = await trip(deputy, '副区长（城建）', '2026-03-09', '2026-03-10')
    const filed = await deputy.post('/api/absences', input)
    assert.equal(filed.statusCode, 201, filed.body)
    assert.equal(filed.json().status, 'pending')
    assert.equal(filed.json().approver, '区长')
    const head = await as('zs-principal')
    const approved = await head.post(`/api/absences/${filed.json().id}/approve`, {})
    assert.equal(approved.statusCode, 200, approved.body)
    const own = await head.post(
      '/api/absences',
      await trip(head, '区长', '2026-03-16', '2026-03-18'),
    )
    assert.equal(own.statusCode, 201, own.body)
    assert.equal(own.json().mode, 'filing')
    assert.equal(own.json().status, 'filed')
    assert.deepEqual(own.json().acts, ['withdraw'])
    assert.ok(articles(own.json().citations).includes('第七十四条'), own.body)
  })

  it('while the 区长 is away the preview names who acts, with 第六条', async () => {
    const executive = await as('zs-executiveDeputy')
    // The 区长's trip (filed above) runs 03-16 to 03-18: the executive deputy away on 03-17 too.
    const plan = await executive.post(
      '/api/absences/preview',
      preview(await trip(executive, '常务副区长', '2026-03-17', '2026-03-18')),
    )
    assert.equal(plan.statusCode, 200, plan.body)
    const acting = plan.json().acting as {
      postTitle: string
      actingPostTitle: string
      gap: boolean
      citations: { article: string }[]
    }[]
    const forHead = acting.filter((line) => line.postTitle === '区长')
    assert.ok(forHead.length > 0, plan.body)
    assert.ok(
      forHead.every((line) => articles(line.citations).includes('第六条')),
      plan.body,
    )
  })
})

describe('请销假 in 木里县 (第一百零八条)', () => {
  it('the 县长 and the 常务副县长 away together is flagged and recorded, not refused', async () => {
    const head = await as('ml-principal')
    const own = await head.post(
      '/api/absences',
      await trip(head, '县长', '2026-03-23', '2026-03-25'),
    )
    assert.equal(own.statusCode, 201, own.body)
    const executive = await as('ml-executiveDeputy')
    const input = await trip(executive, '常务副县长', '2026-03-25', '2026-03-26')
    const plan = await executive.post('/api/absences/preview', preview(input))
    assert.equal(plan.statusCode, 200, plan.body)
    // 由县政府办公室通报其他领导同志: the other leaders by post, with their holders, not the 常务 himself.
    const informed = plan.json().inform as ({ title: string; holders: string[] } | string)[]
    assert.ok(
      informed.some((p) => typeof p !== 'string' && p.title === '县长' && p.holders.length > 0),
      plan.body,
    )
    assert.ok(
      informed.every((p) => typeof p !== 'string' && p.title !== '常务副县长'),
      plan.body,
    )
    assert.equal(plan.json().conflict?.conflict, true, plan.body)
    assert.equal(plan.json().conflict.forbidden, false)
    assert.ok(articles(plan.json().conflict.citations).includes('第一百零八条'), plan.body)
    assert.match(plan.json().conflict.summary, /2026-03-25/)
    const filed = await executive.post('/api/absences', input)
    assert.equal(filed.statusCode, 201, filed.body)
    assert.match(filed.json().conflict.summary, /同时外出/)
    // Not overlapping: no conflict.
    const apart = await executive.post(
      '/api/absences/preview',
      preview(await trip(executive, '常务副县长', '2026-03-30', '2026-03-31')),
    )
    assert.equal(apart.json().conflict, null, apart.body)
  })

  it('a bureau head’s trip goes first to the 分管副县长, then to the 县长 (第二十八条（五）)', async () => {
    const finance = await as('ml-departmentHead-finance')
    const input = await trip(finance, '县财政局局长', '2026-04-06', '2026-04-07')
    const plan = await finance.post('/api/absences/preview', preview(input))
    assert.equal(plan.statusCode, 200, plan.body)
    assert.deepEqual(
      plan.json().stages.map((stage: { label: string }) => stage.label),
      ['分管副县长', '县长'],
      plan.body,
    )
    const filed = await finance.post('/api/absences', input)
    assert.equal(filed.statusCode, 201, filed.body)
    assert.equal(filed.json().approver, '常务副县长')
    const head = await as('ml-principal')
    const early = await head.post(`/api/absences/${filed.json().id}/approve`, {})
    assert.equal(early.statusCode, 422, early.body)
    assert.equal(early.json().error.code, 'NOT_ABSENCE_APPROVER')
    const deputy = await as('ml-executiveDeputy')
    const passed = await deputy.post(`/api/absences/${filed.json().id}/approve`, {
      opinion: '同意',
    })
    assert.equal(passed.statusCode, 200, passed.body)
    assert.equal(passed.json().status, 'pending')
    assert.equal(passed.json().approver, '县长')
    const approved = await head.post(`/api/absences/${filed.json().id}/approve`, {})
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().status, 'approved')
    assert.deepEqual(
      approved.json().history.map((entry: { action: string }) => entry.action),
      ['request', 'pass', 'approve'],
    )
  })
})
