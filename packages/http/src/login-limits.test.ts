import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { logIn, LoginError, type PasswordHasher, sm3Hasher } from '@zhengling/app'
import { createInTransaction, type DatabaseHandle, DEMO_PASSWORD } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// ADR 0021: a name without an account costs and answers what a wrong password does, and locks
// alike; one client address that fails too often is paused, right password or not.
let handle: DatabaseHandle
let app: FastifyInstance
let clock = new Date('2026-03-02T01:00:00Z')
const USER = 'zs-townshipHead'

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(clock) })
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app.close()
  await handle.close()
})

const attempt = (username: string, password: string, remoteAddress = '10.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
    remoteAddress,
  })

const audits = (action: string, subject: string) =>
  handle.db
    .selectFrom('audit_records')
    .select(['details'])
    .where('action', '=', action)
    .where('subject', '=', subject)
    .execute()

describe('login limits', () => {
  it('checks the password of a name without an account against a dummy hash', async () => {
    const verified: string[] = []
    const spy: PasswordHasher = {
      hash: (password) => TEST_PASSWORDS.hash(password),
      verify: async (password, stored) => {
        verified.push(stored)
        return TEST_PASSWORDS.verify(password, stored)
      },
    }
    const deps = {
      inTransaction: createInTransaction(handle.db),
      passwords: spy,
      hasher: sm3Hasher,
      now: () => clock,
    }
    for (const username of ['nobody-here', 'nobody-else']) {
      await assert.rejects(
        logIn(deps, { username, password: 'Whatever-2026!' }),
        (error) => error instanceof LoginError && error.code === 'INVALID_CREDENTIALS',
      )
    }
    assert.equal(verified.length, 2)
    // The same dummy, made by the same hasher at its cost, for every unknown name.
    assert.equal(verified[0], verified[1])
    assert.match(verified[0] as string, /^scrypt\$4096\$/)
  })

  it('answers an unknown name exactly as a wrong password, and locks it at the fifth failure', async () => {
    clock = new Date('2026-03-02T02:00:00Z')
    for (let n = 1; n <= 5; n++) {
      const real = await attempt(USER, `Wrong-Password-${n}`, `10.1.0.${n}`)
      const unknown = await attempt('zs-nobody', `Wrong-Password-${n}`, `10.2.0.${n}`)
      assert.equal(unknown.statusCode, real.statusCode, `attempt ${n}`)
      assert.deepEqual(unknown.json(), real.json(), `attempt ${n}`)
      assert.equal(real.statusCode, n < 5 ? 401 : 423)
    }
    // Locked: even the right password (for the real one) is refused, alike.
    const real = await attempt(USER, DEMO_PASSWORD, '10.1.0.9')
    const unknown = await attempt('zs-nobody', DEMO_PASSWORD, '10.2.0.9')
    assert.equal(real.statusCode, 423)
    assert.deepEqual(unknown.json(), real.json())
    const failed = await audits('session.loginFailed', 'zs-nobody')
    assert.equal(failed.length, 5)
    const refused = await audits('session.loginRefused', 'zs-nobody')
    assert.equal(refused.length, 1)
    // The lock runs out as a real account's does.
    clock = new Date('2026-03-02T02:31:00Z')
    assert.equal((await attempt('zs-nobody', 'Wrong-Password-6', '10.2.0.10')).statusCode, 401)
    assert.equal((await attempt(USER, DEMO_PASSWORD, '10.1.0.10')).statusCode, 200)
  })

  it('pauses a client address after 30 failures within 15 minutes, right password or not', async () => {
    clock = new Date('2026-03-03T01:00:00Z')
    const sprayer = '192.0.2.7'
    // Spraying: one password over many names, one try each, so no name ever locks.
    for (let n = 1; n <= 29; n++) {
      const response = await attempt(`zs-spray-${n}`, 'Spring-2026-Spray!', sprayer)
      assert.equal(response.statusCode, 401, `name ${n}`)
    }
    assert.equal((await attempt(USER, 'Spring-2026-Spray!', sprayer)).statusCode, 401)
    const paused = await attempt(USER, DEMO_PASSWORD, sprayer)
    assert.equal(paused.statusCode, 429)
    assert.equal(paused.json().error.code, 'TOO_MANY_ATTEMPTS')
    assert.match(paused.json().error.message, /此地址登录失败次数过多/)
    // Another address is not paused, and the pause runs out.
    assert.equal((await attempt(USER, DEMO_PASSWORD, '198.51.100.1')).statusCode, 200)
    clock = new Date('2026-03-03T01:16:00Z')
    assert.equal((await attempt(USER, DEMO_PASSWORD, sprayer)).statusCode, 200)
    const refused = await audits('session.loginRefused', USER)
    assert.ok(
      refused.some((row) => (row.details as { reason?: string }).reason === 'clientLimited'),
    )
  })

  it('counts failures within the window only: 29 spread over an hour do not pause', async () => {
    clock = new Date('2026-03-04T01:00:00Z')
    const office = '203.0.113.5'
    for (let n = 1; n <= 29; n++) {
      clock = new Date(Date.parse('2026-03-04T01:00:00Z') + n * 2 * 60_000)
      await attempt(`zs-typo-${n}`, 'Typo-Password-2026', office)
    }
    clock = new Date('2026-03-04T02:00:00Z')
    assert.equal((await attempt(`zs-typo-30`, 'Typo-Password-2026', office)).statusCode, 401)
    assert.equal((await attempt(USER, DEMO_PASSWORD, office)).statusCode, 200)
  })
})
