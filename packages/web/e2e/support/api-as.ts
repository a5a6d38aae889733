import assert from 'node:assert/strict'
import { apiSignIn } from './api-sign-in.ts'

/**
 * A demo account signed in straight to the API, as another device would: for setting a story up
 * before the browser takes over. Answers request helpers carrying its cookie and CSRF token.
 */
export async function apiAs(baseUrl: string, username: string) {
  // Past the second step for the administrators (the test authenticator's codes, ADR 0022).
  const signedIn = await apiSignIn(baseUrl, username)
  assert.equal(signedIn.status, 200, signedIn.text)
  const cookie = (signedIn.setCookies[0] ?? '').split(';')[0] ?? ''
  const { csrfToken } = signedIn.data as { csrfToken: string }
  async function send(method: string, path: string, body?: object) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`)
    return text ? JSON.parse(text) : undefined
  }
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: object = {}) => send('POST', path, body),
    put: (path: string, body: object) => send('PUT', path, body),
  }
}
