import assert from 'node:assert/strict'
import { DEMO_PASSWORD, type Database } from '@zhengling/db'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { LightMyRequestResponse } from 'fastify'
import { passSecondStep } from './test-authenticator.ts'

const withBody = (response: LightMyRequestResponse) =>
  Object.assign(response, {
    status: response.statusCode,
    data: JSON.parse(response.body || 'null'),
  })

/**
 * The answer that opened a session for `username` (a 200 with the cookie and session info), past
 * the second step when the account has one (the test authenticator's next code) or must enrol
 * first (the administrators). Any other answer (401, 423…) is returned as it is.
 */
export function signInResponse(
  app: FastifyInstance,
  username: string,
  password: string = DEMO_PASSWORD,
) {
  return passSecondStep(
    username,
    () =>
      app
        .inject({ method: 'POST', url: '/api/session', payload: { username, password } })
        .then(withBody),
    (url, payload) => app.inject({ method: 'POST', url, payload }).then(withBody),
    (confirmed) => {
      const session = (confirmed.data as { session: unknown }).session
      return Object.assign(confirmed, {
        data: session,
        body: JSON.stringify(session),
        json: () => session,
      })
    },
  )
}

/** Signs a demo account in and answers request helpers carrying its cookie and CSRF token. */
export async function signInAs(app: FastifyInstance, username: string) {
  const response = await signInResponse(app, username)
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')?.value
  const headers = { cookie: `zl_session=${cookie}`, 'x-csrf-token': response.json().csrfToken }
  return {
    me: response.json(),
    /** The cookie and CSRF header, for requests the helpers below do not shape (the fuzzer's). */
    headers,
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: object = {}) =>
      app.inject({ method: 'POST', url, headers, payload }),
    put: (url: string, payload: object) => app.inject({ method: 'PUT', url, headers, payload }),
  }
}

/** A department's id by its name in the demo roster. */
export async function departmentIdOf(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.id
}
