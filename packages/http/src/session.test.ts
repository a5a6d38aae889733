import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type DatabaseHandle, DEMO_PASSWORD, seedDemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { signInResponse } from './test-support/sign-in-as.ts'

const passwords = TEST_PASSWORDS
const PASSWORD = 'Zhong-shan-2026!'
let handle: DatabaseHandle
let app: FastifyInstance
let clock = new Date('2026-03-02T01:00:00Z')

before(async () => {
  handle = await openTestDatabase()
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app.close()
  await handle.close()
})

async function buildAccount() {
  const username = `clerk-${randomUUID().slice(0, 8)}`
  await handle.db
    .insertInto('accounts')
    .values({
      id: randomUUID(),
      username,
      password_hash: await passwords.hash(PASSWORD),
      person_id: null,
      admin_role: 'auditAdmin',
    })
    .execute()
  return username
}

async function signIn(username: string) {
  // The accounts built here are audit admins: past the second step (ADR 0022).
  const response = await signInResponse(app, username, PASSWORD)
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')
  assert.ok(cookie)
  return {
    cookie: `zl_session=${cookie.value}`,
    csrf: response.json().csrfToken as string,
    set: cookie,
  }
}

describe('sessions over HTTP', () => {
  it('sets an HttpOnly, Secure, SameSite=Strict cookie and answers who is signed in', async () => {
    clock = new Date('2026-03-02T01:00:00Z')
    const username = await buildAccount()
    const { cookie, set } = await signIn(username)
    assert.equal(set.httpOnly, true)
    assert.equal(set.secure, true)
    assert.equal(set.sameSite, 'Strict')
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
    assert.equal(me.json().username, username)
    assert.equal(me.json().adminRole, 'auditAdmin')
  })

  it('refuses a state change without the CSRF token, accepts it with the token', async () => {
    clock = new Date('2026-03-02T01:00:00Z')
    const { cookie, csrf } = await signIn(await buildAccount())
    const without = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })
    assert.equal(without.statusCode, 403)
    assert.equal(without.json().error.code, 'CSRF_REJECTED')
    const wrong = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': 'forged' },
    })
    assert.equal(wrong.statusCode, 403)
    const ok = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': csrf },
    })
    assert.equal(ok.statusCode, 200)
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode,
      401,
    )
  })

  it('an idle session times out after 30 minutes', async () => {
    clock = new Date('2026-03-02T01:00:00Z')
    const { cookie } = await signIn(await buildAccount())
    clock = new Date('2026-03-02T01:29:00Z')
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode,
      200,
    )
    clock = new Date('2026-03-02T01:59:01Z')
    const expired = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
    assert.equal(expired.statusCode, 401)
    assert.equal(expired.json().error.code, 'SESSION_INVALID')
  })

  it('moves the idle clock at most once a minute, not on every request', async () => {
    clock = new Date('2026-03-02T01:00:00Z')
    const username = await buildAccount()
    const { cookie } = await signIn(username)
    const lastSeen = async () => {
      const row = await handle.db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
        .select('sessions.last_seen_at')
        .where('accounts.username', '=', username)
        .executeTakeFirstOrThrow()
      return new Date(row.last_seen_at).toISOString()
    }
    clock = new Date('2026-03-02T01:00:59Z')
    await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
    assert.equal(await lastSeen(), '2026-03-02T01:00:00.000Z')
    clock = new Date('2026-03-02T01:01:00Z')
    await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
    assert.equal(await lastSeen(), '2026-03-02T01:01:00.000Z')
  })

  it('logout everywhere ends every session; wrong passwords lock the account with 423', async () => {
    clock = new Date('2026-03-02T01:00:00Z')
    const username = await buildAccount()
    const first = await signIn(username)
    const second = await signIn(username)
    const revoked = await app.inject({
      method: 'POST',
      url: '/api/session/revoke-all',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
    })
    assert.deepEqual(revoked.json(), { revoked: 2 })
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: second.cookie } }))
        .statusCode,
      401,
    )
    const statuses = []
    for (let n = 0; n < 5; n += 1) {
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/session',
            payload: { username, password: 'wrong' },
          })
        ).statusCode,
      )
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 423])
  })
})

describe('organisation over HTTP', () => {
  it("a post-holder sees their own jurisdiction's posts and holders; an administrator gets 403", async () => {
    clock = new Date('2026-03-02T01:00:00Z')
    await seedDemoJurisdiction(handle.db, { now: () => clock, passwords })
    // Another jurisdiction's post must not appear.
    await handle.db
      .insertInto('jurisdictions')
      .values({ id: 'elsewhere', name: '他县', level: 'county', rulebook_version: 't' })
      .execute()
    await handle.db
      .insertInto('posts')
      .values({
        id: randomUUID(),
        jurisdiction_id: 'elsewhere',
        role: 'principal',
        title: '他县县长',
        department_id: null,
      })
      .execute()

    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zs-principal', password: DEMO_PASSWORD },
    })
    const cookie = `zl_session=${login.cookies.find((c) => c.name === 'zl_session')?.value}`
    const posts = await app.inject({
      method: 'GET',
      url: '/api/organisation/posts',
      headers: { cookie },
    })
    assert.equal(posts.statusCode, 200)
    const titles = posts.json().map((p: { title: string }) => p.title)
    // Every post of 钟山 as the roster seeded it, and none of another jurisdiction's.
    const own = await handle.db
      .selectFrom('posts')
      .select('title')
      .where('jurisdiction_id', '=', 'zhongshan')
      .execute()
    assert.deepEqual([...titles].sort(), own.map((p) => p.title).sort())
    assert.ok(titles.includes('区长') && !titles.includes('他县县长'))
    const head = posts.json().find((p: { title: string }) => p.title === '区长')
    assert.deepEqual(
      head.holders.map((h: { name: string }) => h.name),
      ['王建国'],
    )

    const admin = await signInResponse(app, 'systemAdmin')
    const adminCookie = `zl_session=${admin.cookies.find((c) => c.name === 'zl_session')?.value}`
    const refused = await app.inject({
      method: 'GET',
      url: '/api/organisation/posts',
      headers: { cookie: adminCookie },
    })
    assert.equal(refused.statusCode, 403)
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/organisation/posts' })).statusCode,
      401,
    )
  })
})
