import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DEMO_PASSWORD } from '@zhengling/db'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { signInForFiles } from './test-support/upload.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 13 part 5: every response — pages, the API, static files, the API documentation,
// refusals and 404s — carries the CSP (no inline script, frame-ancestors 'none'), X-Frame-Options,
// Referrer-Policy and nosniff; the pages' HTML has no inline script for the CSP to block; and
// the session cookie is cleared with the flags it was set with.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })

const WEB_INDEX = new URL('../../web/index.html', import.meta.url)
const BUILT_INDEX = new URL('../../web/dist/index.html', import.meta.url)

let web: FastifyInstance
before(async () => {
  const root = mkdtempSync(join(tmpdir(), 'zhengling-headers-'))
  writeFileSync(join(root, 'index.html'), readFileSync(WEB_INDEX))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets', 'index-test.js'), 'export {}\n')
  web = await buildServer({ library: testLibrary(), webRoot: root })
})
after(() => web?.close())

function assertHeaders(
  response: { statusCode: number; headers: Record<string, unknown> },
  what: string,
) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    assert.equal(response.headers[name], value, `${what} (${response.statusCode}): ${name}`)
}

/** The <script> tags of a page that run inline (no src) and the inline event handlers. */
function inlineScripts(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0])
  const handlers = [...html.matchAll(/<[^>]+\son[a-z]+\s*=/gi)].map((match) => match[0])
  return [...tags.filter((tag) => !/\ssrc\s*=/i.test(tag)), ...handlers]
}

describe('security headers', () => {
  it('states a CSP without inline script, with frame-ancestors none', () => {
    const csp = SECURITY_HEADERS['content-security-policy'] ?? ''
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/)
        return [name, values] as const
      }),
    )
    assert.deepEqual(directives.get('script-src'), ["'self'"])
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"])
    assert.deepEqual(directives.get('object-src'), ["'none'"])
    assert.ok(!csp.includes('unsafe-eval'))
    assert.equal(SECURITY_HEADERS['x-frame-options'], 'DENY')
    assert.equal(SECURITY_HEADERS['x-content-type-options'], 'nosniff')
  })

  it('are on the web app’s pages and files, found or not', async () => {
    for (const url of ['/', '/documents', '/assets/index-test.js', '/assets/index-stale.js']) {
      const response = await web.inject({ method: 'GET', url })
      assert.equal(response.statusCode, url.endsWith('stale.js') ? 404 : 200, url)
      assertHeaders(response, url)
    }
  })

  it('are on the API’s answers, refusals and its documentation', async () => {
    const signedIn = await signInForFiles(server.app, 'zs-departmentHead-9')
    const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
      server.app.inject({ method, url, payload })
    const cases: [
      string,
      () => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
    ][] = [
      ['signed-in read', () => signedIn.get('/api/session')],
      ['signed-in write', () => signedIn.post('/api/session/revoke-all')],
      ['not signed in', () => anonymous('GET', '/api/session')],
      ['wrong password', () => anonymous('POST', '/api/session', { username: 'x', password: 'y' })],
      ['invalid body', () => anonymous('POST', '/api/session', { username: 1 })],
      ['unknown route', () => anonymous('GET', '/api/nothing')],
      ['broken percent-encoding', () => anonymous('GET', '/api/documents/%E0%A4%A')],
      ['rulebooks', () => anonymous('GET', '/api/jurisdictions')],
      ['OpenAPI document', () => anonymous('GET', '/api/docs/json')],
      ['Swagger UI', () => anonymous('GET', '/api/docs')],
      ['Swagger UI redirect', () => anonymous('GET', '/api/docs/static/index.html')],
      ['Swagger UI script', () => anonymous('GET', '/api/docs/static/swagger-initializer.js')],
    ]
    // One after another: the write revokes the session the read used.
    for (const [what, send] of cases) assertHeaders(await send(), what)
  })

  it('has pages with no inline script: the web app (source and build) and Swagger UI', async () => {
    const pages: [string, string][] = [['packages/web/index.html', readFileSync(WEB_INDEX, 'utf8')]]
    if (existsSync(BUILT_INDEX))
      pages.push(['packages/web/dist/index.html', readFileSync(BUILT_INDEX, 'utf8')])
    const swagger = await server.app.inject({ method: 'GET', url: '/api/docs' })
    assert.equal(swagger.statusCode, 200)
    pages.push(['Swagger UI', swagger.body])
    for (const [page, html] of pages) {
      assert.match(html, /<script\b/i, `${page} loads a script`)
      assert.deepEqual(inlineScripts(html), [], `${page} has no inline script`)
    }
  })
})

/** A Set-Cookie header's attributes, lower-cased names, without the value and the expiry. */
function cookieFlags(header: unknown): Record<string, string | true> {
  const value = Array.isArray(header) ? header.find((h) => h.startsWith('zl_session=')) : header
  assert.equal(typeof value, 'string', 'a zl_session cookie is set')
  const flags: Record<string, string | true> = {}
  for (const attribute of String(value).split(';').slice(1)) {
    const [name = '', setting] = attribute.trim().split('=')
    if (!['expires', 'max-age'].includes(name.toLowerCase()))
      flags[name.toLowerCase()] = setting ?? true
  }
  return flags
}

describe('the session cookie', () => {
  it('is cleared on 退出登录 and 全部退出 with the flags it was set with', async () => {
    for (const url of ['/api/session', '/api/session/revoke-all']) {
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'zs-departmentHead-9', password: DEMO_PASSWORD },
      })
      assert.equal(login.statusCode, 200, login.body)
      const set = cookieFlags(login.headers['set-cookie'])
      assert.deepEqual(set, { path: '/api', httponly: true, secure: true, samesite: 'Strict' })
      const token = login.cookies.find((c) => c.name === 'zl_session')?.value
      const out = await server.app.inject({
        method: url === '/api/session' ? 'DELETE' : 'POST',
        url,
        headers: { cookie: `zl_session=${token}`, 'x-csrf-token': login.json().csrfToken },
      })
      assert.equal(out.statusCode, 200, out.body)
      assert.deepEqual(cookieFlags(out.headers['set-cookie']), set, url)
      assert.match(String(out.headers['set-cookie']), /zl_session=;/, 'emptied')
      assert.match(String(out.headers['set-cookie']), /Expires=Thu, 01 Jan 1970/, 'expired')
    }
  })
})

describe('the CSRF token', () => {
  it('is stored only as its hash, answered again on reload, and bound to its session', async () => {
    const signIn = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'zs-departmentHead-9', password: DEMO_PASSWORD },
      })
    const [first, second] = [await signIn(), await signIn()]
    const sessionOf = (login: typeof first) => ({
      cookie: `zl_session=${login.cookies.find((c) => c.name === 'zl_session')?.value}`,
      csrfToken: login.json().csrfToken as string,
    })
    const [one, two] = [sessionOf(first), sessionOf(second)]
    assert.notEqual(one.csrfToken, two.csrfToken)

    // The row holds the token's SHA-256 and nowhere the token itself.
    const rows = await server.handle.db.selectFrom('sessions').selectAll().execute()
    const row = rows.find(
      (candidate) =>
        candidate.csrf_hash === createHash('sha256').update(one.csrfToken).digest('hex'),
    )
    assert.ok(row, 'the session row holds the hash of the token the client got')
    assert.ok(!('csrf_token' in row), 'no column for the token')
    for (const stored of rows)
      assert.ok(!JSON.stringify(stored).includes(one.csrfToken), 'the token is stored nowhere')

    // A reload (cookie only) gets the same token back.
    const reloaded = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: one.cookie },
    })
    assert.equal(reloaded.json().csrfToken, one.csrfToken)

    // A write needs this session's token: another session's, or none, is refused.
    const write = (headers: Record<string, string>) =>
      server.app.inject({ method: 'POST', url: '/api/session/revoke-all', headers })
    const attempts: Record<string, string>[] = [
      { cookie: one.cookie, 'x-csrf-token': two.csrfToken },
      { cookie: one.cookie },
    ]
    for (const headers of attempts) {
      const refused = await write(headers)
      assert.equal(refused.statusCode, 403, refused.body)
      assert.equal(refused.json().error.code, 'CSRF_REJECTED')
    }
    const accepted = await server.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: one.cookie, 'x-csrf-token': one.csrfToken },
    })
    assert.equal(accepted.statusCode, 200, accepted.body)
  })
})
