import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { totpCode } from '@zhengling/app'
import type { SecondFactorConfig } from '../routes/second-factor.ts'

/**
 * The authenticator app of the tests (ADR 0022). Servers built for tests take TEST_SECOND_FACTOR:
 * a fixed sealing key, a TOTP secret derived from the username (so a helper knows it without
 * asking), and a phone clock of their own that each code moves on one 30-second step. Tests run
 * on fixed business clocks and sign the same administrator in many times; a code is accepted
 * once, so every sign-in takes the next step's code, as a person signing in later would.
 */
let phoneClock = Date.now()

export function testTotpSecret(username: string): string {
  const bytes = createHash('sha1').update(`zhengling-test-totp:${username}`).digest()
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0')
  return (bits.match(/.{5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk, 2)]).join('')
}

export const TEST_SECOND_FACTOR: SecondFactorConfig = {
  key: 'a1'.repeat(32),
  authenticatorNow: () => new Date(phoneClock),
  newSecret: testTotpSecret,
}

/** The code the username's app shows one step later than the last one used. */
export function nextTestCode(username: string): string {
  phoneClock += 30_000
  return totpCode(testTotpSecret(username), new Date(phoneClock))
}

export interface Answer {
  status: number
  /** The answer's JSON. */
  data: unknown
}

/**
 * Takes a sign-in past its second step, whatever the transport (inject or fetch): `login` posts
 * the password, `post` any other sign-in step. An administrator without a factor enrols with the
 * test app first, and the enrolment's own session is the answer (`fromEnrolment` makes the
 * confirmation's answer look like a sign-in's: its `session` as the body); one with a factor gives
 * the next code. The answer is the one that opened the session (200, session info, cookie).
 */
export async function passSecondStep<A extends Answer>(
  username: string,
  login: () => Promise<A>,
  post: (path: string, body: object) => Promise<A>,
  fromEnrolment: (confirmed: A) => A,
): Promise<A> {
  const answer = await login()
  if (answer.status !== 202) return answer
  const pending = answer.data as { secondFactor: 'verify' | 'enrol'; challenge: string }
  if (pending.secondFactor === 'enrol') {
    const started = await post('/api/session/enrolment', { challenge: pending.challenge })
    assert.equal(started.status, 200, JSON.stringify(started.data))
    const confirmed = await post('/api/session/enrolment/confirm', {
      challenge: pending.challenge,
      code: nextTestCode(username),
    })
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.data))
    return fromEnrolment(confirmed)
  }
  return post('/api/session/second-factor', {
    challenge: pending.challenge,
    code: nextTestCode(username),
  })
}

/** The code the username's app shows now (the step last used): a replay. */
export function currentTestCode(username: string): string {
  return totpCode(testTotpSecret(username), new Date(phoneClock))
}
