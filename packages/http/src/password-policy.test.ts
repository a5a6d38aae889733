import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type DatabaseHandle, DEMO_PASSWORD, seedDemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'

// ADR 0021: changing one's own password (policy, common list, history), must-change after an
// admin's reset or expiry, the session limit, and the security admin's settings.
let handle: DatabaseHandle
let app: FastifyInstance
let clock = new Date('2026-03-02T01:00:00Z')

before(async () => {
  handle = await openTestDatabase()
  await seedDemoJurisdiction(handle.db, { now: () => clock, passwords: TEST_PASSWORDS })
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app.close()
  await handle.close()
})

async function signIn(username: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
  })
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')?.value
  const headers = { cookie: `zl_session=${cookie}`, 'x-csrf-token': response.json().csrfToken }
  return {
    me: response.json(),
    send: (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, headers, ...(payload ? { payload } : {}) }),
  }
}

const change = (
  user: Awaited<ReturnType<typeof signIn>>,
  currentPassword: string,
  newPassword: string,
) => user.send('PUT', '/api/session/password', { currentPassword, newPassword })

const lastAudit = (action: string, subject?: string) =>
  handle.db
    .selectFrom('audit_records')
    .select(['subject', 'details'])
    .where('action', '=', action)
    .$if(subject !== undefined, (q) => q.where('subject', '=', subject as string))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()

async function setSettings(settings: object) {
  const security = await signInAs(app, 'securityAdmin')
  const response = await security.put('/api/admin/security-settings', settings)
  assert.equal(response.statusCode, 200, response.body)
}

describe('password policy', () => {
  it('refuses common passwords, dressed or not, when a person changes their own', async () => {
    const user = await signIn('zs-principal', DEMO_PASSWORD)
    for (const common of ['Password1234', 'Password2026!', 'Qwerty123456!', 'Iloveyou2026#']) {
      const refused = await change(user, DEMO_PASSWORD, common)
      assert.equal(refused.statusCode, 422, common)
      assert.equal(refused.json().error.code, 'PASSWORD_POLICY', common)
      assert.match(refused.json().error.message, /常用密码/, common)
    }
    const wrongCurrent = await change(user, 'Not-The-Password-1', 'Heyi-Street-2026!')
    assert.equal(wrongCurrent.json().error.code, 'CURRENT_PASSWORD_WRONG')
    // Nothing changed: the old password still signs in.
    await signIn('zs-principal', DEMO_PASSWORD)
  })

  it('changes a password: the other sessions end, the history refuses the last N, audited', async () => {
    await setSettings({ passwordExpiryDays: 0, passwordHistoryCount: 3, maxSessionsPerAccount: 10 })
    const other = await signIn('zs-townshipHead', DEMO_PASSWORD)
    const user = await signIn('zs-townshipHead', DEMO_PASSWORD)
    const passwords = [
      DEMO_PASSWORD,
      'Heyi-Street-2026!',
      'Dongfeng-Road-2027#',
      'Xinhua-Lane-2028$',
    ]
    const first = await change(user, passwords[0] as string, passwords[1] as string)
    assert.equal(first.statusCode, 200, first.body)
    assert.equal(first.json().revokedOtherSessions, 1)
    assert.equal((await other.send('GET', '/api/session')).statusCode, 401)
    assert.equal((await user.send('GET', '/api/session')).statusCode, 200)
    const audit = await lastAudit('account.changePassword')
    assert.equal(audit?.subject, 'zs-townshipHead')
    assert.equal(
      (await change(user, passwords[1] as string, passwords[2] as string)).statusCode,
      200,
    )
    // The current one and the two before it are refused (history 3); the fourth back is free.
    for (const reused of passwords.slice(0, 3)) {
      const refused = await change(user, passwords[2] as string, reused as string)
      assert.equal(refused.json().error.code, 'PASSWORD_REUSED', reused)
    }
    assert.equal(
      (await change(user, passwords[2] as string, passwords[3] as string)).statusCode,
      200,
    )
    const older = await change(user, passwords[3] as string, passwords[0] as string)
    assert.equal(older.statusCode, 200, older.body)
  })

  it('after an admin reset, the person may only change their password, then works again', async () => {
    const system = await signInAs(app, 'systemAdmin')
    const account = (await system.get('/api/admin/accounts'))
      .json()
      .find((a: { username: string }) => a.username === 'zs-deputy-2')
    assert.ok(account, 'zs-deputy-2')
    const reset = await system.post(`/api/admin/accounts/${account.id}/password`, {
      password: 'Reset-By-Admin-2026!',
    })
    assert.equal(reset.statusCode, 200, reset.body)
    const user = await signIn('zs-deputy-2', 'Reset-By-Admin-2026!')
    assert.equal(user.me.mustChangePassword, true)
    assert.equal((await user.send('GET', '/api/session')).json().mustChangePassword, true)
    const blocked = await user.send('GET', '/api/workbench')
    assert.equal(blocked.statusCode, 403)
    assert.equal(blocked.json().error.code, 'PASSWORD_CHANGE_REQUIRED')
    const changed = await change(user, 'Reset-By-Admin-2026!', 'My-Own-Choice-2026!')
    assert.equal(changed.statusCode, 200, changed.body)
    assert.equal((await user.send('GET', '/api/session')).json().mustChangePassword, false)
    assert.notEqual((await user.send('GET', '/api/workbench')).statusCode, 403)
    assert.equal((await lastAudit('account.changePassword'))?.subject, 'zs-deputy-2')
  })

  it('a password older than the expiry must be changed at sign-in; 0 days means never', async () => {
    await setSettings({
      passwordExpiryDays: 90,
      passwordHistoryCount: 5,
      maxSessionsPerAccount: 10,
    })
    await handle.db
      .updateTable('accounts')
      .set({ password_changed_at: '2025-12-01T00:00:00Z' })
      .where('username', 'in', ['zs-deputy-3', 'zs-officeDirector'])
      .execute()
    clock = new Date('2026-03-02T01:00:00Z') // 91 days on
    const expired = await signIn('zs-deputy-3', DEMO_PASSWORD)
    assert.equal(expired.me.mustChangePassword, true)
    assert.equal((await expired.send('GET', '/api/workbench')).statusCode, 403)
    const login = await lastAudit('session.login', 'zs-deputy-3')
    assert.equal((login?.details as { passwordExpired?: boolean }).passwordExpired, true)
    await setSettings({ passwordExpiryDays: 0, passwordHistoryCount: 5, maxSessionsPerAccount: 10 })
    const fresh = await signIn('zs-officeDirector', DEMO_PASSWORD)
    assert.equal(fresh.me.mustChangePassword, false)
  })

  it('beyond the session limit the oldest session ends, audited', async () => {
    await setSettings({ passwordExpiryDays: 0, passwordHistoryCount: 5, maxSessionsPerAccount: 2 })
    const sessions = []
    for (let n = 0; n < 4; n++) sessions.push(await signIn('zs-principal', DEMO_PASSWORD))
    const open = await Promise.all(
      sessions.map(async (s) => (await s.send('GET', '/api/session')).statusCode),
    )
    assert.deepEqual(open, [401, 401, 200, 200])
    const audit = await lastAudit('session.revokedOverLimit')
    assert.equal(audit?.subject, 'zs-principal')
    assert.deepEqual(audit?.details, { revoked: 1 })
    await setSettings({ passwordExpiryDays: 0, passwordHistoryCount: 5, maxSessionsPerAccount: 10 })
  })

  it('only the security admin sets the settings, within their ranges, audited', async () => {
    const security = await signInAs(app, 'securityAdmin')
    const settings = { passwordExpiryDays: 90, passwordHistoryCount: 5, maxSessionsPerAccount: 3 }
    const bad = [
      { ...settings, passwordExpiryDays: -1 },
      { ...settings, passwordExpiryDays: 3651 },
      { ...settings, passwordHistoryCount: 25 },
      { ...settings, maxSessionsPerAccount: 0 },
      { ...settings, maxSessionsPerAccount: 2.5 },
      { ...settings, maxSessionsPerAccount: '3' },
      { passwordExpiryDays: 90 },
    ]
    for (const body of bad) {
      const refused = await security.put('/api/admin/security-settings', body)
      assert.equal(refused.statusCode, 400, JSON.stringify(body))
    }
    for (const username of ['systemAdmin', 'auditAdmin', 'zs-principal']) {
      const other =
        username === 'zs-principal'
          ? await signIn(username, DEMO_PASSWORD).then((u) => ({
              put: (url: string, body: object) => u.send('PUT', url, body),
            }))
          : await signInAs(app, username)
      const refused = await other.put('/api/admin/security-settings', settings)
      assert.equal(refused.statusCode, 403, username)
    }
    const saved = await security.put('/api/admin/security-settings', settings)
    assert.equal(saved.statusCode, 200, saved.body)
    assert.equal(saved.json().maxSessionsPerAccount, 3)
    assert.equal(saved.json().updatedBy, 'securityAdmin')
    const read = await security.get('/api/admin/security-settings')
    assert.deepEqual(
      {
        passwordExpiryDays: read.json().passwordExpiryDays,
        passwordHistoryCount: read.json().passwordHistoryCount,
        maxSessionsPerAccount: read.json().maxSessionsPerAccount,
      },
      settings,
    )
    const audit = await lastAudit('security.updateSettings')
    assert.deepEqual((audit?.details as { after: object }).after, settings)
  })
})
