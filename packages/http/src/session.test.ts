import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { createScryptHasher } from '@zhengling/app'
import type { DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { loadLibrary } from '@zhengling/rulebooks'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'

const passwords = createScryptHasher(2 ** 12)
const PASSWORD = 'Zhong-shan-2026!'
let handle: DatabaseHandle
let app: FastifyInstance
let clock = new Date('2026-03-02T01:00:00Z')

before(async () => {
  handle = await openTestDatabase()
  app = await buildServer({
    library: loadLibrary(),
    sessions: { db: handle.db, passwords, now: () => clock, secureCookies: true },
  })
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
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password: PASSWORD },
  })
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
