import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { LoginError } from '@zhengling/app'
import {
  createScryptHasher,
  DEPLOYMENT_CHAIN,
  logIn,
  logOutEverywhere,
  sha256,
  sm3Hasher,
} from '@zhengling/app'
import { createIdentityRepository } from './identity-repository.ts'
import { createInTransaction } from './repositories.ts'
import type { DatabaseHandle } from './open-database.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

let handle: DatabaseHandle
before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

const passwords = createScryptHasher(2 ** 12)

/** An administrator account of its own per test. */
async function buildAccount(password = 'Zhong-shan-2026!') {
  const username = `admin-${randomUUID().slice(0, 8)}`
  const id = randomUUID()
  await handle.db
    .insertInto('accounts')
    .values({
      id,
      username,
      password_hash: await passwords.hash(password),
      person_id: null,
      admin_role: 'systemAdmin',
    })
    .execute()
  return { id, username }
}

describe('identity', () => {
  it('logs in with the right password and stores only token hashes', async () => {
    const account = await buildAccount()
    const session = await logIn(
      {
        inTransaction: createInTransaction(handle.db),
        hasher: sm3Hasher,
        passwords,
        now: () => new Date('2026-03-02T01:00:00Z'),
      },
      { username: account.username, password: 'Zhong-shan-2026!' },
    )
    const stored = await handle.db
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', account.id)
      .execute()
    assert.equal(stored.length, 1)
    assert.notEqual(stored[0]?.id, session.token)
    assert.equal(session.expiresAt, '2026-03-02T09:00:00.000Z')
  })

  it('a wrong username and a wrong password get the same answer; five failures lock', async () => {
    const account = await buildAccount()
    const deps = {
      inTransaction: createInTransaction(handle.db),
      hasher: sm3Hasher,
      passwords,
      now: () => new Date('2026-03-02T01:00:00Z'),
    }
    await assert.rejects(
      logIn(deps, { username: 'nobody', password: 'x' }),
      (error: LoginError) => error.code === 'INVALID_CREDENTIALS',
    )
    for (let n = 1; n <= 4; n += 1) {
      await assert.rejects(
        logIn(deps, { username: account.username, password: 'wrong' }),
        (error: LoginError) => error.code === 'INVALID_CREDENTIALS',
      )
    }
    await assert.rejects(
      logIn(deps, { username: account.username, password: 'wrong' }),
      (error: LoginError) => error.code === 'ACCOUNT_LOCKED',
    )
    // Locked: even the right password is refused until the lock runs out.
    await assert.rejects(
      logIn(deps, { username: account.username, password: 'Zhong-shan-2026!' }),
      (error: LoginError) => error.code === 'ACCOUNT_LOCKED',
    )
    const later = { ...deps, now: () => new Date('2026-03-02T01:31:00Z') }
    assert.ok(await logIn(later, { username: account.username, password: 'Zhong-shan-2026!' }))
    // Every attempt is on the deployment chain (an administrator belongs to no jurisdiction).
    const actions = await handle.db
      .selectFrom('audit_records')
      .select('action')
      .where('jurisdiction_id', '=', DEPLOYMENT_CHAIN)
      .where('subject', '=', account.username)
      .orderBy('id')
      .execute()
    assert.deepEqual(
      actions.map((row) => row.action),
      [...Array(5).fill('session.loginFailed'), 'session.loginRefused', 'session.login'],
    )
  })

  it('logout everywhere revokes every open session', async () => {
    const account = await buildAccount()
    const deps = {
      inTransaction: createInTransaction(handle.db),
      hasher: sm3Hasher,
      passwords,
      now: () => new Date('2026-03-02T01:00:00Z'),
    }
    const first = await logIn(deps, { username: account.username, password: 'Zhong-shan-2026!' })
    await logIn(deps, { username: account.username, password: 'Zhong-shan-2026!' })
    const session = await createIdentityRepository(handle.db).sessionById(sha256(first.token))
    assert.ok(session)
    assert.equal(await logOutEverywhere(deps, session), 2)
    assert.equal(await logOutEverywhere(deps, session), 0)
  })

  it('an account is a post-holder or one of the three administrators, never both or neither', async () => {
    const jurisdiction = `j${randomUUID().slice(0, 8)}`
    await handle.db
      .insertInto('jurisdictions')
      .values({ id: jurisdiction, name: '测试县', level: 'county', rulebook_version: 't' })
      .execute()
    const person = randomUUID()
    await handle.db
      .insertInto('people')
      .values({ id: person, jurisdiction_id: jurisdiction, name: '张三' })
      .execute()
    const insert = (person_id: string | null, admin_role: 'auditAdmin' | null) =>
      handle.db
        .insertInto('accounts')
        .values({
          id: randomUUID(),
          username: randomUUID(),
          password_hash: 'x',
          person_id,
          admin_role,
        })
        .execute()
    await assert.rejects(insert(person, 'auditAdmin'), /check constraint/)
    await assert.rejects(insert(null, null), /check constraint/)
    await insert(person, null)
    await insert(null, 'auditAdmin')
  })
})
