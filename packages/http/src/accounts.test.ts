import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type DatabaseHandle, DEMO_PASSWORD, seedDemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { signInResponse } from './test-support/sign-in-as.ts'

// 三员: the system admin opens accounts and resets passwords, the security admin unlocks
// accounts and sets clearances; each act is refused to the others and audited.
const passwords = TEST_PASSWORDS
const NEW_PASSWORD = 'Heyi-Street-2026!'
let handle: DatabaseHandle
let app: FastifyInstance

before(async () => {
  handle = await openTestDatabase()
  await seedDemoJurisdiction(handle.db, { now: () => new Date(), passwords })
  app = await buildTestServer(handle, () => new Date())
})
after(async () => {
  await app.close()
  await handle.close()
})

async function attemptSignIn(username: string, password = DEMO_PASSWORD) {
  return app.inject({ method: 'POST', url: '/api/session', payload: { username, password } })
}

async function signIn(username: string, password = DEMO_PASSWORD) {
  // Past the second step: the administrators sign in with TOTP (ADR 0022).
  const response = await signInResponse(app, username, password)
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')?.value
  const headers = { cookie: `zl_session=${cookie}`, 'x-csrf-token': response.json().csrfToken }
  return (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
}

/** A person of 钟山区 with no account yet, of their own per test. */
async function buildPerson(name = '新同志') {
  const id = randomUUID()
  await handle.db.insertInto('people').values({ id, jurisdiction_id: 'zhongshan', name }).execute()
  return id
}

async function lastAudit(action: string) {
  return handle.db
    .selectFrom('audit_records')
    .select(['jurisdiction_id', 'subject', 'details'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

describe('account administration', () => {
  it('lists accounts to the system and security admins only, without password hashes', async () => {
    const system = await signIn('systemAdmin')
    const list = await system('GET', '/api/admin/accounts')
    assert.equal(list.statusCode, 200)
    assert.ok(list.json().some((a: { username: string }) => a.username === 'zs-principal'))
    assert.doesNotMatch(list.body, /scrypt|password/i)
    assert.equal(
      (await (await signIn('securityAdmin'))('GET', '/api/admin/accounts')).statusCode,
      200,
    )
    for (const username of ['auditAdmin', 'zs-principal']) {
      const refused = await (await signIn(username))('GET', '/api/admin/accounts')
      assert.equal(refused.statusCode, 403, username)
      assert.equal(refused.json().error.code, 'ADMIN_ROLE_REQUIRED')
    }
  })

  it('the system admin opens an account under the password policy; the new user signs in', async () => {
    const system = await signIn('systemAdmin')
    const personId = await buildPerson()
    const username = `clerk-${randomUUID().slice(0, 6)}`
    const weak = await system('POST', '/api/admin/accounts', {
      username,
      password: 'short',
      personId,
    })
    assert.equal(weak.statusCode, 422)
    assert.equal(weak.json().error.code, 'PASSWORD_POLICY')
    assert.ok(weak.json().error.issues.length >= 1)
    const badName = await system('POST', '/api/admin/accounts', {
      username: 'Bad Name',
      password: NEW_PASSWORD,
      personId,
    })
    assert.equal(badName.statusCode, 400)
    const taken = await system('POST', '/api/admin/accounts', {
      username: 'zs-principal',
      password: NEW_PASSWORD,
      personId,
    })
    assert.equal(taken.statusCode, 409)
    assert.equal(taken.json().error.code, 'USERNAME_TAKEN')
    const refused = await (
      await signIn('securityAdmin')
    )('POST', '/api/admin/accounts', {
      username,
      password: NEW_PASSWORD,
      personId,
    })
    assert.equal(refused.statusCode, 403)

    const created = await system('POST', '/api/admin/accounts', {
      username,
      password: NEW_PASSWORD,
      personId,
    })
    assert.equal(created.statusCode, 201, created.body)
    assert.equal(created.json().person.clearance, 'internal')
    assert.equal((await attemptSignIn(username, NEW_PASSWORD)).statusCode, 200)
    const audit = await lastAudit('account.create')
    assert.equal(audit?.jurisdiction_id, 'zhongshan')
    assert.equal(audit?.subject, username)
    assert.equal((audit?.details as { admin: string }).admin, 'systemAdmin')

    const second = await system('POST', '/api/admin/accounts', {
      username: `${username}-2`,
      password: NEW_PASSWORD,
      personId,
    })
    assert.equal(second.statusCode, 409)
    assert.equal(second.json().error.code, 'PERSON_HAS_ACCOUNT')
    // Nothing half-written: the refused account does not exist.
    assert.equal((await attemptSignIn(`${username}-2`, NEW_PASSWORD)).statusCode, 401)
  })

  it('a password reset ends the account’s sessions', async () => {
    const user = await signIn('zs-townshipHead')
    const accounts = (await (await signIn('systemAdmin'))('GET', '/api/admin/accounts')).json()
    const account = accounts.find((a: { username: string }) => a.username === 'zs-townshipHead')
    const system = await signIn('systemAdmin')
    const reset = await system('POST', `/api/admin/accounts/${account.id}/password`, {
      password: NEW_PASSWORD,
    })
    assert.equal(reset.statusCode, 200, reset.body)
    assert.ok(reset.json().revokedSessions >= 1)
    assert.equal((await user('GET', '/api/session')).statusCode, 401)
    assert.equal((await attemptSignIn('zs-townshipHead')).statusCode, 401)
    assert.equal((await attemptSignIn('zs-townshipHead', NEW_PASSWORD)).statusCode, 200)
    const auditor = accounts.find((a: { username: string }) => a.username === 'auditAdmin')
    const protectedAdmin = await system('POST', `/api/admin/accounts/${auditor.id}/password`, {
      password: NEW_PASSWORD,
    })
    assert.equal(protectedAdmin.statusCode, 403)
    assert.equal(protectedAdmin.json().error.code, 'ADMIN_ACCOUNT_PROTECTED')
    const missing = await system('POST', `/api/admin/accounts/${randomUUID()}/password`, {
      password: NEW_PASSWORD,
    })
    assert.equal(missing.statusCode, 404)
  })

  it('the security admin lifts a lockout; the system admin may not', async () => {
    const username = 'zs-officeDirector'
    for (let n = 0; n < 5; n += 1) await attemptSignIn(username, 'wrong-password')
    assert.equal((await attemptSignIn(username)).statusCode, 423)
    const accounts = (await (await signIn('securityAdmin'))('GET', '/api/admin/accounts')).json()
    const account = accounts.find((a: { username: string }) => a.username === username)
    assert.ok(account.lockedUntil)
    const bySystem = await (
      await signIn('systemAdmin')
    )('POST', `/api/admin/accounts/${account.id}/unlock`)
    assert.equal(bySystem.statusCode, 403)
    const unlocked = await (
      await signIn('securityAdmin')
    )('POST', `/api/admin/accounts/${account.id}/unlock`)
    assert.equal(unlocked.statusCode, 200)
    assert.equal(unlocked.json().lockedUntil, null)
    assert.equal((await attemptSignIn(username)).statusCode, 200)
    assert.equal((await lastAudit('account.unlock'))?.subject, username)
  })

  it('the security admin sets clearances; 绝密 is refused with its own code', async () => {
    const security = await signIn('securityAdmin')
    const personId = await buildPerson('保密员')
    const set = await security('PUT', `/api/admin/people/${personId}/clearance`, {
      clearance: '秘密',
    })
    assert.equal(set.statusCode, 200, set.body)
    assert.equal(set.json().clearance, 'secret')
    const stored = await handle.db
      .selectFrom('people')
      .select('clearance')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow()
    assert.equal(stored.clearance, 'secret')
    const topSecret = await security('PUT', `/api/admin/people/${personId}/clearance`, {
      clearance: '绝密',
    })
    assert.equal(topSecret.statusCode, 422)
    assert.equal(topSecret.json().error.code, 'TOP_SECRET_REFUSED')
    const unknown = await security('PUT', `/api/admin/people/${personId}/clearance`, {
      clearance: '特密',
    })
    assert.equal(unknown.json().error.code, 'UNKNOWN_SECRECY_LEVEL')
    const bySystem = await (
      await signIn('systemAdmin')
    )('PUT', `/api/admin/people/${personId}/clearance`, { clearance: '机密' })
    assert.equal(bySystem.statusCode, 403)
    const audit = await lastAudit('person.setClearance')
    assert.deepEqual(
      [(audit?.details as { from: string }).from, (audit?.details as { to: string }).to],
      ['internal', 'secret'],
    )
  })
})
