import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import { databaseRefusal } from './errors.ts'
import { civilDateProblem, DATE_RANGE } from './routes/contract-fields.ts'
import type { JsonSchema } from './test-support/openapi-fuzzer.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 13 part 2: one validation at the edge for dates (calendar-valid, in range), and whatever
// slips past it refused by the database is a 400 in Chinese, never a 500 (ADR 0023).
const server = useDemoServer({ startsAt: new Date('2026-03-02T01:00:00Z') })

const CJK = /[\u4e00-\u9fff]/u
const SOME_ID = '0190a6a4-9b2e-7c3d-8e4f-5a6b7c8d9e0f'
const IMPOSSIBLE = [
  '9999-99-99',
  '2026-13-45',
  '2026-02-30',
  '2027-02-29',
  '1900-02-29',
  '2100-02-29',
  '2026-04-31',
  '2026-00-10',
  '2026-01-00',
  '1899-12-31',
  '2101-01-01',
  '0000-00-00',
  '2026-3-1',
  '20260301',
  '',
]
const POSSIBLE = [
  '2026-02-28',
  '2024-02-29',
  '2000-02-29',
  '2026-12-31',
  '1900-01-01',
  '2100-12-31',
]

describe('one date rule at the edge', () => {
  it('knows a day on the calendar inside the range from one that is not', () => {
    for (const date of POSSIBLE) assert.equal(civilDateProblem(date), null, date)
    for (const date of IMPOSSIBLE) {
      const problem = civilDateProblem(date)
      assert.ok(problem && CJK.test(problem), `${date}: ${problem}`)
    }
    assert.match(civilDateProblem('2026-02-30') ?? '', /不存在/)
    assert.match(civilDateProblem('2101-01-01') ?? '', new RegExp(DATE_RANGE.latest))
  })

  it('refuses impossible dates in every date query parameter of the OpenAPI document with a 400', async () => {
    const registrar = await signInAs(server.app, 'zs-secretariat')
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>
    }
    const cases: string[] = []
    for (const [path, operations] of Object.entries(spec.paths)) {
      const get = operations.get
      if (!get) continue
      for (const parameter of get.parameters ?? []) {
        if (parameter.in !== 'query' || !/^(from|to|on|asOf|date)$/.test(parameter.name)) continue
        cases.push(`${path.replace(/\{jurisdiction\}|\{id\}/g, 'zhongshan')}?${parameter.name}=`)
      }
    }
    // The issue's own: register and its Excel, the meeting calendar.
    for (const known of [
      '/api/documents/register?from=',
      '/api/documents/register.xlsx?to=',
      '/api/meetings?from=',
    ])
      assert.ok(cases.includes(known), `${known} among ${cases.join(' ')}`)
    for (const url of cases)
      for (const date of IMPOSSIBLE.filter(Boolean)) {
        const response = await registrar.get(`${url}${encodeURIComponent(date)}`)
        assert.equal(response.statusCode, 400, `${url}${date}: ${response.body}`)
        const { error } = response.json()
        assert.equal(error.code, 'INVALID_INPUT', `${url}${date}`)
        assert.match(error.message, CJK)
      }
    // A real day is still answered.
    const register = await registrar.get('/api/documents/register?from=2026-02-28&to=2026-03-02')
    assert.equal(register.statusCode, 200, register.body)
  })

  it('refuses impossible dates in every date field of every write body, naming the field', async () => {
    const office = await signInAs(server.app, 'zs-officeDirector')
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
      >
    }
    let fields = 0
    for (const [path, operations] of Object.entries(spec.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const body = operation.requestBody?.content?.['application/json']?.schema
        const dated = Object.keys(body?.properties ?? {}).filter((key) =>
          /^(dueDate|receivedOn|assignedOn|requestedDue|from|to|startsAt)$/.test(key),
        )
        for (const key of dated) {
          fields += 1
          for (const date of ['2026-02-30', '9999-99-99', '2101-01-01']) {
            const value = key === 'startsAt' ? `${date}T09:00:00+08:00` : date
            const response = await server.app.inject({
              method: method.toUpperCase() as 'POST',
              url: path.replace(/\{[^}]+\}/g, SOME_ID),
              headers: office.headers,
              payload: { [key]: value },
            })
            const where = `${method} ${path} ${key}=${value}`
            assert.equal(response.statusCode, 400, `${where}: ${response.body}`)
            const { error } = response.json()
            assert.ok(
              error.issues.some(
                (issue: { path: string; message: string }) =>
                  issue.path === `/${key}` && CJK.test(issue.message),
              ),
              `${where}: ${response.body}`,
            )
          }
        }
      }
    assert.ok(fields >= 8, `only ${fields} date fields in write bodies`)
  })

  it('refuses NUL in the texts the issue named with a 400, not a 500', async () => {
    const bureau = await signInAs(server.app, 'zs-departmentHead-9')
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zs-departmentHead-9\u0000', password: 'x' },
    })
    const outgoing = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于\u0000通知',
      body: '正文',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '公开',
    })
    const item = await bureau.post(`/api/meetings/${SOME_ID}/items`, { title: '议题\u0000' })
    for (const response of [signIn, outgoing, item]) {
      assert.equal(response.statusCode, 400, response.body)
      assert.match(response.json().error.message, /U\+0000/)
    }
  })
})

describe('what slips past the contracts', () => {
  it('is a 400 in Chinese when the database refuses the value (the engine under test)', async () => {
    const attempts = [
      sql`select ${'2026-02-30'}::date`,
      sql`select ${'9999-99-99 25:00'}::timestamptz`,
      sql`select ${'a\u0000b'}::text`,
      sql`select ${'not-a-uuid'}::uuid`,
      sql`select ${'99999999999'}::int`,
    ]
    let refused = 0
    for (const attempt of attempts) {
      const error = await attempt.execute(server.handle.db).then(
        () => undefined,
        (thrown: unknown) => thrown,
      )
      // PGlite may store a NUL it was handed; then there is nothing to map.
      if (error === undefined) continue
      refused += 1
      const refusal = databaseRefusal(error)
      assert.ok(refusal, `not mapped: ${String(error)} (${(error as { code?: string }).code})`)
      assert.equal(refusal.statusCode, 400)
      assert.match(refusal.code, /^[A-Z_]+$/)
      assert.match(refusal.message, CJK)
    }
    assert.ok(refused >= 4, `only ${refused} of ${attempts.length} refused by the database`)
  })

  it('maps data exceptions and index limits, and leaves other failures alone', () => {
    const codes: Record<string, string> = {
      '22007': 'INVALID_DATE',
      '22008': 'INVALID_DATE',
      '22021': 'INVALID_CHARACTERS',
      '22P05': 'INVALID_CHARACTERS',
      '22001': 'VALUE_TOO_LONG',
      '54000': 'VALUE_TOO_LONG',
      '22003': 'NUMBER_OUT_OF_RANGE',
      '22P02': 'INVALID_INPUT',
    }
    for (const [sqlState, code] of Object.entries(codes))
      assert.equal(databaseRefusal({ code: sqlState })?.code, code, sqlState)
    for (const other of [
      { code: '23505' },
      { code: '40001' },
      { code: 'EPIPE' },
      new Error('x'),
      null,
    ])
      assert.equal(databaseRefusal(other), undefined, JSON.stringify(other))
  })

  it('answers the router’s own refusals (broken percent-encoding, a long parameter) in Chinese', async () => {
    for (const [url, code] of [
      ['/api/documents/%E0%A4%A', 'BAD_URL'],
      ['/api/meetings/%ZZ', 'BAD_URL'],
      [`/api/documents/${'x'.repeat(200)}`, 'PARAM_TOO_LONG'],
    ] as const) {
      const response = await server.app.inject({ method: 'GET', url })
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`)
      const { error } = response.json()
      assert.equal(error.code, code, url)
      assert.match(error.message, CJK)
    }
  })
})
