import { DEMO_PASSWORD } from '@zhengling/db'
import { type Answer, passSecondStep } from '@zhengling/http/test-authenticator'

export interface ApiSignIn extends Answer {
  /** The Set-Cookie headers of the answer that opened the session. */
  setCookies: string[]
  text: string
}

async function post(baseUrl: string, path: string, body: object): Promise<ApiSignIn> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    data: text ? JSON.parse(text) : null,
    text,
    setCookies: response.headers.getSetCookie(),
  }
}

/**
 * Signs in straight at the API, past the second step (the test authenticator's codes: the
 * administrators enrol at their first sign-in, then give the next code; ADR 0022). The answer
 * that opened the session: status 200, session info as `data`, its Set-Cookie headers.
 */
export function apiSignIn(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSignIn> {
  return passSecondStep(
    username,
    () => post(baseUrl, '/api/session', { username, password }),
    (path, body) => post(baseUrl, path, body),
    (confirmed) => {
      const session = (confirmed.data as { session: unknown }).session
      return { ...confirmed, data: session, text: JSON.stringify(session) }
    },
  )
}
