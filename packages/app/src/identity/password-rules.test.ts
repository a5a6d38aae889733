import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isCommonPassword } from './common-passwords.ts'
import { afterClientFailure, DEFAULT_CLIENT_LIMIT } from './login-throttle.ts'
import { passwordProblems } from './password-policy.ts'
import { assertSecuritySettings, passwordExpired } from './security-settings.ts'

describe('common passwords (ADR 0021)', () => {
  it('refuses the list as typed and dressed in capitals, digits and symbols at the ends', () => {
    for (const common of [
      'Password1234',
      'password',
      'Password2026!',
      '!!Qwerty2026',
      'Iloveyou123456',
      'Abc123456789',
      'Dragon-2026',
    ])
      assert.equal(isCommonPassword(common), true, common)
    assert.match(passwordProblems('Password1234', 'someone').join(), /常用密码/)
  })

  it('accepts passwords not on it', () => {
    for (const fine of [
      'Zhongshan-Demo-2026',
      'Heyi-Street-2026!',
      'Xk7#mQ2p-Lw9z',
      '政令-Tonggao-2026',
    ])
      assert.equal(isCommonPassword(fine), false, fine)
    assert.deepEqual(passwordProblems('Heyi-Street-2026!', 'zs-principal'), [])
  })
})

describe('client address limit', () => {
  const at = (minutes: number) => new Date(Date.parse('2026-03-02T01:00:00Z') + minutes * 60_000)
  it('locks at the 30th failure in the window, for 15 minutes, and restarts the count after', () => {
    let state = afterClientFailure(undefined, at(0))
    for (let n = 2; n < DEFAULT_CLIENT_LIMIT.maxFailures; n++)
      state = afterClientFailure(state, at(n / 10))
    assert.equal(state.failedCount, 29)
    assert.equal(state.lockedUntil, null)
    state = afterClientFailure(state, at(5))
    assert.equal(state.lockedUntil, at(20).toISOString())
    assert.equal(afterClientFailure(state, at(21)).failedCount, 1)
  })

  it('a failure after the window starts a new one', () => {
    const state = afterClientFailure(
      { failedCount: 20, windowStartedAt: at(0).toISOString(), lockedUntil: null },
      at(15),
    )
    assert.deepEqual(state, {
      failedCount: 1,
      windowStartedAt: at(15).toISOString(),
      lockedUntil: null,
    })
  })
})

describe('security settings', () => {
  it('expire a password after the set days; 0 never', () => {
    assert.equal(
      passwordExpired('2026-01-01T00:00:00Z', new Date('2026-03-31T23:59:00Z'), 90),
      false,
    )
    assert.equal(
      passwordExpired('2026-01-01T00:00:00Z', new Date('2026-04-01T00:00:00Z'), 90),
      true,
    )
    assert.equal(
      passwordExpired('2000-01-01T00:00:00Z', new Date('2026-04-01T00:00:00Z'), 0),
      false,
    )
  })

  it('refuse values outside their ranges, naming each', () => {
    const ok = { passwordExpiryDays: 90, passwordHistoryCount: 5, maxSessionsPerAccount: 3 }
    assertSecuritySettings(ok)
    for (const [key, value] of [
      ['passwordExpiryDays', -1],
      ['passwordExpiryDays', 3651],
      ['passwordHistoryCount', 25],
      ['maxSessionsPerAccount', 0],
      ['maxSessionsPerAccount', 101],
      ['maxSessionsPerAccount', 1.5],
    ] as const)
      assert.throws(
        () => assertSecuritySettings({ ...ok, [key]: value }),
        (error: Error & { code?: string }) => error.code === 'SECURITY_SETTINGS_INVALID',
        `${key}=${value}`,
      )
  })
})
