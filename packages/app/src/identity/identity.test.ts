import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { afterFailure, AFTER_SUCCESS, isLocked } from './login-throttle.ts'
import { createScryptHasher } from './password-hasher.ts'
import { passwordProblems } from './password-policy.ts'

describe('password policy', () => {
  it('accepts a long varied password and names each shortfall of others', () => {
    assert.deepEqual(passwordProblems('Zhong-shan-2026!', 'clerk'), [])
    assert.deepEqual(passwordProblems('short1A', 'clerk'), ['密码至少 12 位'])
    assert.equal(passwordProblems('alllowercaseletters', 'clerk').length, 1)
    assert.deepEqual(passwordProblems('Clerk-Password-99', 'clerk'), ['密码不得包含用户名'])
  })
})

describe('scrypt password hashing', () => {
  const hasher = createScryptHasher(2 ** 12) // a low cost keeps the test fast; production uses 2^15
  it('verifies the right password only, with a fresh salt each time', async () => {
    const stored = await hasher.hash('Zhong-shan-2026!')
    assert.equal(await hasher.verify('Zhong-shan-2026!', stored), true)
    assert.equal(await hasher.verify('zhong-shan-2026!', stored), false)
    assert.notEqual(await hasher.hash('Zhong-shan-2026!'), stored)
    assert.equal(await hasher.verify('x', 'md5$abc'), false)
  })
})

describe('login lockout', () => {
  const now = new Date('2026-03-02T09:00:00+08:00')
  it('the fifth consecutive failure locks for 30 minutes; the lock then runs out', () => {
    let state = AFTER_SUCCESS
    for (let n = 1; n <= 4; n += 1) state = afterFailure(state, now)
    assert.equal(isLocked(state, now), false)
    state = afterFailure(state, now)
    assert.equal(isLocked(state, now), true)
    assert.equal(isLocked(state, new Date(now.getTime() + 29 * 60_000)), true)
    assert.equal(isLocked(state, new Date(now.getTime() + 30 * 60_000)), false)
    // After the lock runs out, one more failure does not lock again at once.
    assert.equal(
      isLocked(
        afterFailure(state, new Date(now.getTime() + 31 * 60_000)),
        new Date(now.getTime() + 31 * 60_000),
      ),
      false,
    )
  })
})
