import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { DEPLOYMENT_CHAIN } from '@zhengling/app'
import { type DatabaseHandle, seedDemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { signInResponse } from './test-support/sign-in-as.ts'

// What the web shell calls: who am I and post switching, the organisation chart, the audit viewer.
const passwords = TEST_PASSWORDS
const SEEDED = new Date('2026-03-02T01:00:00Z') // a Monday in Asia/Shanghai
let clock = SEEDED
let handle: DatabaseHandle
let app: FastifyInstance

before(async () => {
  handle = await openTestDatabase()
  await seedDemoJurisdiction(handle.db, { now: () => SEEDED, passwords })
  // A second jurisdiction whose data no 钟山 post-holder may see.
  await handle.db
    .insertInto('jurisdictions')
    .values({ id: 'toksun', name: '托克逊县人民政府', level: 'county', rulebook_version: '2021' })
    .execute()
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app.close()
  await handle.close()
})

async function signIn(username: string) {
  // Past the second step: the administrators sign in with TOTP (ADR 0022).
  const response = await signInResponse(app, username)
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')
  assert.ok(cookie)
  const me = response.json()
  const headers = { cookie: `zl_session=${cookie.value}`, 'x-csrf-token': me.csrfToken as string }
  const get = (url: string) => app.inject({ method: 'GET', url, headers })
  return { me, headers, get }
}

async function auditActions(chain: string, subject: string) {
  const rows = await handle.db
    .selectFrom('audit_records')
    .leftJoin('posts', 'posts.id', 'audit_records.actor_post_id')
    .select(['action', 'posts.title'])
    .where('audit_records.jurisdiction_id', '=', chain)
    .where('subject', '=', subject)
    .orderBy('audit_records.id')
    .execute()
  return rows.map((row) => `${row.action}@${row.title ?? '-'}`)
}

describe('who am I, and post switching', () => {
  it('a person with two posts starts in the first and switches to the other, audited', async () => {
    clock = SEEDED
    const { me, headers, get } = await signIn('zs-deputyOfficeDirector')
    assert.equal(me.person.name, '赵敏')
    assert.deepEqual(me.jurisdiction, { id: 'zhongshan', name: '六盘水市钟山区人民政府' })
    const titles = me.posts.map((post: { title: string }) => post.title)
    assert.deepEqual(
      titles.toSorted(),
      ['区人民政府办公室副主任', '区人民政府督查室主任'].toSorted(),
    )
    const other = me.posts.find((post: { postId: string }) => post.postId !== me.currentPostId)

    const switched = await app.inject({
      method: 'PUT',
      url: '/api/session/post',
      headers,
      payload: { postId: other.postId },
    })
    assert.equal(switched.statusCode, 200, switched.body)
    assert.equal(switched.json().currentPostId, other.postId)
    // A reloaded page gets the same answer, CSRF token included.
    const again = (await get('/api/session')).json()
    assert.equal(again.currentPostId, other.postId)
    assert.equal(again.csrfToken, me.csrfToken)

    const actions = await auditActions('zhongshan', 'zs-deputyOfficeDirector')
    assert.equal(actions.at(-1), `session.switchPost@${other.title}`)
    assert.match(actions[0] ?? '', /^session\.login@/)
  })

  it('refuses a post not held, and a switch without the CSRF token', async () => {
    clock = SEEDED
    const { me, headers } = await signIn('zs-secretariat')
    const chart = await app.inject({
      method: 'GET',
      url: '/api/jurisdictions/zhongshan/organisation',
      headers,
    })
    const head = chart.json().posts.find((post: { title: string }) => post.title === '区长')
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/session/post',
      headers,
      payload: { postId: head.postId },
    })
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'POST_NOT_HELD')
    const noCsrf = await app.inject({
      method: 'PUT',
      url: '/api/session/post',
      headers: { cookie: headers.cookie },
      payload: { postId: me.currentPostId },
    })
    assert.equal(noCsrf.statusCode, 403)
    assert.equal(noCsrf.json().error.code, 'CSRF_REJECTED')
    const malformed = await app.inject({
      method: 'PUT',
      url: '/api/session/post',
      headers,
      payload: { postId: 'not-a-uuid' },
    })
    assert.equal(malformed.statusCode, 400)
  })

  it('the executive deputy may act as head only while the acting assignment runs', async () => {
    clock = SEEDED
    const during = (await signIn('zs-executiveDeputy')).me
    const acting = during.posts.filter((post: { actingFor: unknown }) => post.actingFor !== null)
    assert.deepEqual(
      acting.map((post: { title: string }) => post.title),
      ['区长'],
    )
    clock = new Date(SEEDED.getTime() + 7 * 86_400_000) // the assignment ran six days after seeding
    const later = (await signIn('zs-executiveDeputy')).me
    assert.deepEqual(
      later.posts.map((post: { title: string }) => post.title),
      ['常务副区长'],
    )
  })

  it('logging out is audited and ends the session', async () => {
    clock = SEEDED
    const { headers, get } = await signIn('zs-officeDirector')
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers })
    assert.equal(out.statusCode, 200)
    assert.equal((await get('/api/session')).statusCode, 401)
    assert.equal(
      (await auditActions('zhongshan', 'zs-officeDirector')).at(-1)?.split('@')[0],
      'session.logout',
    )
  })
})

describe('organisation chart', () => {
  it("shows holders, portfolios and acting; another jurisdiction's chart is not found", async () => {
    clock = SEEDED
    const { get } = await signIn('zs-principal')
    assert.deepEqual(
      (await get('/api/jurisdictions')).json().map((j: { id: string }) => j.id),
      ['zhongshan'],
    )
    const chart = (await get('/api/jurisdictions/zhongshan/organisation')).json()
    assert.equal(chart.on, '2026-03-02')
    const head = chart.posts.find((post: { title: string }) => post.title === '区长')
    assert.equal(head.actedBy.title, '常务副区长')
    assert.equal(head.actedBy.ruleId, 'zhongshan.acting.principal')
    const finance = chart.departments.find((d: { name: string }) => d.name === '区财政局')
    assert.deepEqual(
      finance.overseers.map((p: { title: string }) => p.title),
      ['常务副区长'],
    )
    const supervision = chart.posts.find(
      (p: { title: string }) => p.title === '区人民政府督查室主任',
    )
    assert.deepEqual(
      supervision.holders.map((h: { name: string }) => h.name),
      ['赵敏'],
    )
    // Before anyone took office, every post is vacant.
    const before = (await get('/api/jurisdictions/zhongshan/organisation?on=2021-01-01')).json()
    assert.ok(before.posts.every((post: { vacant: boolean }) => post.vacant))

    const foreign = await get('/api/jurisdictions/toksun/organisation')
    assert.equal(foreign.statusCode, 404)
    assert.equal(foreign.json().error.code, 'JURISDICTION_NOT_FOUND')
    const badDate = await get('/api/jurisdictions/zhongshan/organisation?on=2026-02-30')
    assert.equal(badDate.statusCode, 400)
  })

  it('an administrator reads every jurisdiction', async () => {
    clock = SEEDED
    const { get } = await signIn('systemAdmin')
    assert.deepEqual(
      (await get('/api/jurisdictions')).json().map((j: { id: string }) => j.id),
      ['toksun', 'zhongshan'],
    )
    assert.equal((await get('/api/jurisdictions/toksun/organisation')).statusCode, 200)
  })
})

describe('audit viewer', () => {
  it('only the audit admin reads it; pages run newest first; the chain verifies', async () => {
    clock = SEEDED
    for (const username of ['zs-principal', 'systemAdmin', 'securityAdmin']) {
      const denied = await (await signIn(username)).get('/api/audit/chains')
      assert.equal(denied.statusCode, 403, username)
      assert.equal(denied.json().error.code, 'AUDIT_ADMIN_ONLY')
    }
    const { get } = await signIn('auditAdmin')
    const chains = (await get('/api/audit/chains')).json()
    const zhongshan = chains.find((chain: { chain: string }) => chain.chain === 'zhongshan')
    const deployment = chains.find((chain: { chain: string }) => chain.chain === DEPLOYMENT_CHAIN)
    assert.equal(zhongshan.name, '六盘水市钟山区人民政府')
    assert.ok(zhongshan.records >= 2 && deployment.records >= 1)

    const first = (await get('/api/audit/chains/zhongshan/records?limit=2')).json()
    assert.deepEqual(
      first.records.map((r: { chainSeq: number }) => r.chainSeq),
      [zhongshan.records, zhongshan.records - 1],
    )
    const next = (
      await get(`/api/audit/chains/zhongshan/records?limit=2&beforeSeq=${first.nextBeforeSeq}`)
    ).json()
    assert.equal(next.records[0].chainSeq, zhongshan.records - 2)
    const login = (await get(`/api/audit/chains/zhongshan/records?limit=200`))
      .json()
      .records.find(
        (r: { action: string; subject: string }) =>
          r.action === 'session.login' && r.subject === 'zs-principal',
      )
    assert.equal(login.actor, '王建国（区长）')
    const adminLogin = (await get(`/api/audit/chains/${DEPLOYMENT_CHAIN}/records`))
      .json()
      .records.find(
        (r: { action: string; subject: string }) =>
          r.action === 'session.login' && r.subject === 'auditAdmin',
      )
    assert.equal(adminLogin.action, 'session.login')
    assert.equal(adminLogin.actor, 'auditAdmin')

    const verified = (await get('/api/audit/chains/zhongshan/verification')).json()
    assert.deepEqual(verified, {
      chain: 'zhongshan',
      records: verified.records,
      intact: true,
      problems: [],
    })
    assert.ok(verified.records >= zhongshan.records)
    const badLimit = await get('/api/audit/chains/zhongshan/records?limit=0')
    assert.equal(badLimit.statusCode, 400)
  })

  it('a sign-in attempt for an unknown account lands on the deployment chain', async () => {
    clock = SEEDED
    const username = `ghost-${randomUUID().slice(0, 6)}`
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: 'whatever' },
    })
    assert.equal(response.statusCode, 401)
    assert.deepEqual(await auditActions(DEPLOYMENT_CHAIN, username), ['session.loginFailed@-'])
  })
})
