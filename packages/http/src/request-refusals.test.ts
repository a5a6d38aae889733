import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { LIMITS } from './routes/contract-fields.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Part 7 of issue 12: every refusal a person can read is in Chinese with a machine code, limits
// are the same on the server as in the forms, and no text field takes a control character.
const server = useDemoServer({ startsAt: new Date('2026-03-02T01:00:00Z') })

const CJK = /[\u4e00-\u9fff]/u
/** Three English words in a row: a sentence (or the start of one) nobody here should read. */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/u
const SOME_ID = '0190a6a4-9b2e-7c3d-8e4f-5a6b7c8d9e0f'

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  format?: string
  enum?: unknown[]
}

interface WriteRoute {
  method: string
  url: string
  body: JsonSchema
}

async function writeRoutes(): Promise<WriteRoute[]> {
  const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
    >
  }
  const routes: WriteRoute[] = []
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue
      const body = operation.requestBody?.content?.['application/json']?.schema
      if (!body) continue
      routes.push({
        method: method.toUpperCase(),
        url: path.replace(/\{[^}]+\}/g, SOME_ID),
        body,
      })
    }
  }
  return routes
}

function isString(schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  return (
    types.includes('string') ||
    [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].some(isString)
  )
}

function childrenOf(schema: JsonSchema): JsonSchema[] {
  return [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]
}

/** Every string leaf of a body schema, as a path of keys (an array's element is index 0). */
function stringPaths(schema: JsonSchema, path: (string | number)[] = []): (string | number)[][] {
  if (isString(schema)) return [path]
  const found: (string | number)[][] = []
  for (const part of childrenOf(schema)) {
    for (const [key, child] of Object.entries(part.properties ?? {}))
      found.push(...stringPaths(child, [...path, key]))
    if (part.items) found.push(...stringPaths(part.items, [...path, 0]))
  }
  return found
}

/** A body with `value` at `path` and nothing else. */
function bodyWith(path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value
  const [head, ...rest] = path
  return typeof head === 'number'
    ? [bodyWith(rest, value)]
    : { [head as string]: bodyWith(rest, value) }
}

function assertChinese(where: string, response: { statusCode: number; body: string }) {
  assert.ok(response.statusCode < 500, `${where}: ${response.statusCode} ${response.body}`)
  const { error } = JSON.parse(response.body) as {
    error: { code: string; message: string; issues?: { message: string }[] }
  }
  assert.match(error.code, /^[A-Z_]+$/, `${where}: machine code`)
  for (const text of [error.message, ...(error.issues ?? []).map((issue) => issue.message)]) {
    assert.match(text, CJK, `${where}: ${text}`)
    assert.doesNotMatch(text, ENGLISH_SENTENCE, `${where}: ${text}`)
  }
}

describe('refusals a person reads', () => {
  it('every string field of every write contract refuses U+202E (and other controls)', async () => {
    const routes = await writeRoutes()
    assert.ok(routes.length >= 40, `only ${routes.length} write routes`)
    let fields = 0
    for (const route of routes) {
      for (const path of stringPaths(route.body)) {
        for (const bad of ['a\u202Eb', 'a\u2066b', 'a\u200Fb', 'a\u0007b']) {
          const response = await server.app.inject({
            method: route.method,
            url: route.url,
            payload: bodyWith(path, bad) as object,
          })
          const where = `${route.method} ${route.url} ${path.join('.')} ${JSON.stringify(bad)}`
          assert.equal(response.statusCode, 400, `${where}: ${response.body}`)
          const { error } = response.json()
          assert.equal(error.code, 'INVALID_INPUT', where)
          const pointer = `/${path.join('/')}`
          assert.ok(
            error.issues.some(
              (issue: { path: string; message: string }) =>
                issue.path === pointer && issue.message.includes('控制字符'),
            ),
            `${where}: ${response.body}`,
          )
        }
        fields += 1
      }
    }
    assert.ok(fields >= 60, `only ${fields} string fields`)
  })

  it('every write route answers bad bodies in Chinese with a code', async () => {
    const badBodies: { payload: string; contentType: string }[] = [
      { payload: '{', contentType: 'application/json' },
      { payload: '', contentType: 'application/json' },
      { payload: '[]', contentType: 'application/json' },
      {
        payload: '{"title":12345,"body":[],"startsAt":"yesterday"}',
        contentType: 'application/json',
      },
      { payload: 'title=x', contentType: 'application/x-www-form-urlencoded' },
      { payload: 'x', contentType: 'text/plain' },
    ]
    for (const route of await writeRoutes()) {
      for (const bad of badBodies) {
        const response = await server.app.inject({
          method: route.method,
          url: route.url,
          headers: { 'content-type': bad.contentType },
          payload: bad.payload,
        })
        assertChinese(`${route.method} ${route.url} ${bad.contentType} ${bad.payload}`, response)
      }
      // Every field wrong at once: each message says which field, in Chinese.
      const wrong = Object.fromEntries(
        Object.keys(route.body.properties ?? {}).map((key) => [key, { x: 1 }]),
      )
      assertChinese(
        `${route.method} ${route.url} wrong types`,
        await server.app.inject({ method: route.method, url: route.url, payload: wrong }),
      )
    }
  })

  it('the framework refusals have codes and Chinese messages', async () => {
    const cases = [
      {
        request: { method: 'GET' as const, url: '/api/no-such-route' },
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        request: {
          method: 'POST' as const,
          url: '/api/session',
          headers: { 'content-type': 'application/json' },
          payload: '{"username":',
        },
        status: 400,
        code: 'MALFORMED_JSON',
      },
      {
        request: {
          method: 'POST' as const,
          url: '/api/session',
          headers: { 'content-type': 'application/json' },
          payload: '',
        },
        status: 400,
        code: 'EMPTY_JSON_BODY',
      },
      {
        request: {
          method: 'POST' as const,
          url: '/api/session',
          headers: { 'content-type': 'text/xml' },
          payload: '<x/>',
        },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        request: {
          method: 'POST' as const,
          url: '/api/session',
          payload: { username: 'x'.repeat(10), password: 'y', extra: '正'.repeat(400_000) },
        },
        status: 413,
        code: 'BODY_TOO_LARGE',
      },
    ]
    for (const { request, status, code } of cases) {
      const response = await server.app.inject(request)
      assert.equal(response.statusCode, status, `${request.url}: ${response.body}`)
      assert.equal(response.json().error.code, code)
      assertChinese(`${request.method} ${request.url}`, response)
    }
  })

  it('a 400 KB 正文 is refused in Chinese naming the limits, and one character over 正文 too', async () => {
    const office = await signInAs(server.app, 'zs-secretariat')
    const tooLarge = await office.post('/api/documents/outgoing', {
      body: '正'.repeat(400_000),
    })
    assert.equal(tooLarge.statusCode, 413, tooLarge.body)
    assert.match(tooLarge.json().error.message, /20 万字/)
    const overLimit = await office.post('/api/documents/outgoing', {
      title: '关于测试正文长度的通知',
      body: 'a'.repeat(LIMITS.body + 1),
    })
    assert.equal(overLimit.statusCode, 400, overLimit.body)
    assert.match(overLimit.json().error.message, new RegExp(`正文：不得超过 ${LIMITS.body} 个字`))
  })

  it(`a title over ${LIMITS.title} characters is refused; ${LIMITS.title} passes`, async () => {
    const office = await signInAs(server.app, 'zs-secretariat')
    const meeting = (title: string) =>
      office.post('/api/meetings', {
        meetingType: 'standing',
        title,
        startsAt: '2026-03-12T09:00:00+08:00',
        location: '区政府三楼会议室',
      })
    for (const length of [LIMITS.title + 1, 600]) {
      const refused = await meeting('会'.repeat(length))
      assert.equal(refused.statusCode, 400, refused.body)
      assert.match(
        refused.json().error.message,
        new RegExp(`标题：标题不得超过 ${LIMITS.title} 个字`),
      )
    }
    const accepted = await meeting('会'.repeat(LIMITS.title))
    assert.equal(accepted.statusCode, 201, accepted.body)
    const override = await meeting('区政府常务会议\u202E议会')
    assert.equal(override.statusCode, 400)
    assert.equal(override.json().error.code, 'INVALID_INPUT')
    assertChinese('U+202E title', override)
  })
})
