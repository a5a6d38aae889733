import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createSm4SecretBox, hashRecoveryCode, SecretBoxError, totpCode } from '@zhengling/app'
import { DEMO_PASSWORD } from '@zhengling/db'
import { signInAs } from './test-support/sign-in-as.ts'
import { currentTestCode, nextTestCode, testTotpSecret } from './test-support/test-authenticator.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 13, part 3: TOTP (RFC 6238) for the three admins and whoever the security admin or the
// person chooses; recovery codes; a code is good once; wrong codes are limited (ADR 0022).
const server = useDemoServer({ startsAt: new Date('2026-03-02T01:00:00Z') })

const login = (username: string) =>
  server.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password: DEMO_PASSWORD },
  })
const post = (url: string, payload: object) => server.app.inject({ method: 'POST', url, payload })
const actions = async (subject: string) =>
  (
    await server.handle.db
      .selectFrom('audit_records')
      .select('action')
      .where('subject', '=', subject)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
  ).map((row) => row.action)

describe('the second factor at sign-in', () => {
  for (const admin of ['systemAdmin', 'securityAdmin', 'auditAdmin'])
    it(`${admin}: a correct password opens no session until a factor is enrolled`, async () => {
      const first = await login(admin)
      assert.equal(first.statusCode, 202, first.body)
      assert.equal(first.json().secondFactor, 'enrol')
      assert.equal(first.cookies.length, 0)
      // The challenge is no session cookie.
      const asCookie = await server.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: `zl_session=${first.json().challenge}` },
      })
      assert.equal(asCookie.statusCode, 401)
    })

  it('enrols an administrator: QR and text secret, a wrong code refused, the right one opens the session with ten recovery codes', async () => {
    const { challenge } = (await login('auditAdmin')).json()
    const started = await post('/api/session/enrolment', { challenge })
    assert.equal(started.statusCode, 200, started.body)
    const { secret, otpauthUri, qrDataUrl } = started.json()
    assert.equal(secret, testTotpSecret('auditAdmin'))
    assert.match(
      otpauthUri,
      /^otpauth:\/\/totp\/.*secret=[A-Z2-7]+.*algorithm=SHA1.*digits=6.*period=30/,
    )
    assert.match(qrDataUrl, /^data:image\/png;base64,/)
    // Sealed at rest: the secret is nowhere in the row.
    const stored = await server.handle.db
      .selectFrom('second_factors')
      .innerJoin('accounts', 'accounts.id', 'second_factors.account_id')
      .select(['secret_sealed', 'confirmed_at'])
      .where('username', '=', 'auditAdmin')
      .executeTakeFirstOrThrow()
    assert.ok(!stored.secret_sealed.includes(secret))
    assert.match(stored.secret_sealed, /^sm4ctr-hmacsm3\$/)
    assert.equal(stored.confirmed_at, null)

    const wrong = await post('/api/session/enrolment/confirm', { challenge, code: '000000' })
    assert.equal(wrong.statusCode, 401, wrong.body)
    assert.equal(wrong.json().error.code, 'SECOND_FACTOR_INVALID')
    const confirmed = await post('/api/session/enrolment/confirm', {
      challenge,
      code: nextTestCode('auditAdmin'),
    })
    assert.equal(confirmed.statusCode, 200, confirmed.body)
    const { recoveryCodes, session } = confirmed.json()
    assert.equal(recoveryCodes.length, 10)
    assert.equal(new Set(recoveryCodes).size, 10)
    assert.equal(session.username, 'auditAdmin')
    assert.ok(confirmed.cookies.some((c) => c.name === 'zl_session' && c.httpOnly))
    // Recovery codes are stored as hashes only.
    const hashes = await server.handle.db
      .selectFrom('recovery_codes')
      .innerJoin('accounts', 'accounts.id', 'recovery_codes.account_id')
      .select('code_hash')
      .where('username', '=', 'auditAdmin')
      .execute()
    assert.deepEqual(
      hashes.map((h) => h.code_hash).sort(),
      recoveryCodes.map(hashRecoveryCode).sort(),
    )
    // The challenge is spent.
    const again = await post('/api/session/enrolment/confirm', {
      challenge,
      code: nextTestCode('auditAdmin'),
    })
    assert.equal(again.json().error.code, 'CHALLENGE_INVALID')
    const trail = await actions('auditAdmin')
    for (const action of [
      'session.passwordAccepted',
      'secondFactor.enrolmentStarted',
      'secondFactor.enrolmentFailed',
      'secondFactor.enrolled',
      'session.login',
    ])
      assert.ok(trail.includes(action), action)
  })

  it('then asks for a code: the right one signs in, the same code a second time is refused', async () => {
    const first = await login('auditAdmin')
    assert.equal(first.statusCode, 202)
    assert.equal(first.json().secondFactor, 'verify')
    const code = nextTestCode('auditAdmin')
    const ok = await post('/api/session/second-factor', { challenge: first.json().challenge, code })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().adminRole, 'auditAdmin')
    // Replay: another sign-in within the same 30 seconds with the code just used.
    const second = (await login('auditAdmin')).json()
    const replay = await post('/api/session/second-factor', {
      challenge: second.challenge,
      code: currentTestCode('auditAdmin'),
    })
    assert.equal(replay.statusCode, 401)
    assert.equal(replay.json().error.code, 'SECOND_FACTOR_REPLAYED')
    // A code from long ago or far ahead is no code.
    const stale = await post('/api/session/second-factor', {
      challenge: second.challenge,
      code: totpCode(testTotpSecret('auditAdmin'), new Date('2020-01-01T00:00:00Z')),
    })
    assert.equal(stale.json().error.code, 'SECOND_FACTOR_INVALID')
  })

  it('takes a recovery code once', async () => {
    const { challenge } = (await login('securityAdmin')).json()
    await post('/api/session/enrolment', { challenge })
    const { recoveryCodes } = (
      await post('/api/session/enrolment/confirm', {
        challenge,
        code: nextTestCode('securityAdmin'),
      })
    ).json()
    const code = recoveryCodes[3].toLowerCase()
    const first = (await login('securityAdmin')).json()
    const used = await post('/api/session/second-factor', { challenge: first.challenge, code })
    assert.equal(used.statusCode, 200, used.body)
    const second = (await login('securityAdmin')).json()
    const twice = await post('/api/session/second-factor', { challenge: second.challenge, code })
    assert.equal(twice.json().error.code, 'SECOND_FACTOR_INVALID')
    const status = await (
      await signInAs(server.app, 'securityAdmin')
    ).get('/api/account/second-factor')
    assert.deepEqual(status.json(), { active: true, required: true, recoveryCodesLeft: 9 })
  })

  it('limits wrong codes: the challenge ends after five, and the account locks', async () => {
    // systemAdmin enrols through the helper, then guesses.
    await signInAs(server.app, 'systemAdmin')
    const { challenge } = (await login('systemAdmin')).json()
    const answers: number[] = []
    for (let attempt = 0; attempt < 5; attempt++)
      answers.push(
        (await post('/api/session/second-factor', { challenge, code: `${100000 + attempt}` }))
          .statusCode,
      )
    assert.deepEqual(answers, [401, 401, 401, 401, 423])
    const after = await post('/api/session/second-factor', {
      challenge,
      code: nextTestCode('systemAdmin'),
    })
    assert.equal(after.json().error.code, 'CHALLENGE_INVALID')
    assert.equal((await login('systemAdmin')).statusCode, 423)
    assert.equal(
      (await actions('systemAdmin')).filter((a) => a === 'session.secondFactorFailed').length,
      5,
    )
    await server.handle.db
      .updateTable('accounts')
      .set({ failed_count: 0, locked_until: null })
      .where('username', '=', 'systemAdmin')
      .execute()
  })
})

describe('the second factor for everyone else', () => {
  it('is off until the security admin requires it; then the person enrols at sign-in', async () => {
    assert.equal((await login('zs-principal')).statusCode, 200)
    const account = await server.handle.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'zs-principal')
      .executeTakeFirstOrThrow()
    // Only the security admin decides.
    const system = await signInAs(server.app, 'systemAdmin')
    assert.equal(
      (await system.put(`/api/admin/accounts/${account.id}/second-factor`, { required: true }))
        .statusCode,
      403,
    )
    const security = await signInAs(server.app, 'securityAdmin')
    const set = await security.put(`/api/admin/accounts/${account.id}/second-factor`, {
      required: true,
    })
    assert.equal(set.statusCode, 200, set.body)
    const next = await login('zs-principal')
    assert.equal(next.statusCode, 202)
    assert.equal(next.json().secondFactor, 'enrol')
    // The helper enrols and signs in; afterwards sign-in asks for a code.
    const principal = await signInAs(server.app, 'zs-principal')
    assert.equal(principal.me.username, 'zs-principal')
    assert.equal((await login('zs-principal')).json().secondFactor, 'verify')
    // A lost phone: the security admin resets it, the person's sessions end, and (still
    // required) they enrol again at the next sign-in.
    const reset = await server.app.inject({
      method: 'DELETE',
      url: `/api/admin/accounts/${account.id}/second-factor`,
      headers: (security as unknown as { headers: Record<string, string> }).headers,
    })
    assert.equal(reset.statusCode, 200, reset.body)
    assert.ok(reset.json().revokedSessions >= 1)
    assert.equal((await principal.get('/api/session')).statusCode, 401)
    assert.equal((await login('zs-principal')).json().secondFactor, 'enrol')
    assert.ok((await actions('zs-principal')).includes('account.secondFactorReset'))
  })

  it('a person may turn it on for themselves', async () => {
    const person = await signInAs(server.app, 'zs-secretariat')
    assert.deepEqual((await person.get('/api/account/second-factor')).json(), {
      active: false,
      required: false,
      recoveryCodesLeft: 0,
    })
    const started = await person.post('/api/account/second-factor/enrolment')
    assert.equal(started.statusCode, 200, started.body)
    const confirmed = await person.post('/api/account/second-factor/confirm', {
      code: nextTestCode('zs-secretariat'),
    })
    assert.equal(confirmed.statusCode, 200, confirmed.body)
    assert.equal(confirmed.json().recoveryCodes.length, 10)
    assert.equal((await login('zs-secretariat')).json().secondFactor, 'verify')
    // In force, it cannot be replaced from a session alone.
    assert.equal((await person.post('/api/account/second-factor/enrolment')).statusCode, 409)
  })
})

describe('the sealed secret', () => {
  it('opens only with its key and for its own account', () => {
    const box = createSm4SecretBox('0f'.repeat(32))
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'account-1')
    assert.equal(box.open(sealed, 'account-1'), 'JBSWY3DPEHPK3PXP')
    assert.throws(() => box.open(sealed, 'account-2'), SecretBoxError)
    assert.throws(
      () => createSm4SecretBox('1e'.repeat(32)).open(sealed, 'account-1'),
      SecretBoxError,
    )
    const [prefix, iv, body = '', mac] = sealed.split('$')
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`
    assert.throws(() => box.open([prefix, iv, flipped, mac].join('$'), 'account-1'), SecretBoxError)
    assert.throws(() => createSm4SecretBox('short'), SecretBoxError)
  })
})
