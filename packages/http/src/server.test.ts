import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { NotPermittedError, RuleRefusedError } from '@zhengling/app'
import { loadLibrary } from '@zhengling/rulebooks'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'

let app: FastifyInstance
before(async () => {
  app = await buildServer({ library: loadLibrary() })
})
after(() => app.close())

describe('HTTP API', () => {
  it('answers a decision with its citations', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/rulebooks/zhongshan/decisions/countersign-deadline',
      payload: { requestedOn: '2026-03-06' },
    })
    assert.equal(response.statusCode, 200)
    const body = response.json()
    assert.equal(body.outcome.due, '2026-03-11')
    assert.ok(body.citations.some((c: { article: string }) => c.article === '第二十九条'))
  })

  it('refusals carry a machine code and a Chinese message', async () => {
    const cases: [string, unknown, number, string][] = [
      ['/api/rulebooks/atlantis/decisions/countersign-deadline', {}, 404, 'UNKNOWN_JURISDICTION'],
      ['/api/rulebooks/zhongshan/decisions/no-such', {}, 404, 'UNKNOWN_DECISION'],
      [
        '/api/rulebooks/zhongshan/decisions/countersign-deadline',
        { requestedOn: '2026-02-30' },
        400,
        'INVALID_INPUT',
      ],
      [
        '/api/rulebooks/zhongshan/decisions/meeting-quorum',
        { meeting: 'plenary', members: 3, present: 2 },
        422,
        'RULE_NOT_FOUND',
      ],
      [
        '/api/rulebooks/yanjin/decisions/countersign-deadline?asOf=2022-01-01',
        { requestedOn: '2022-01-04' },
        404,
        'NO_VERSION_IN_FORCE',
      ],
    ]
    for (const [url, payload, status, code] of cases) {
      const response = await app.inject({ method: 'POST', url, payload: payload as object })
      assert.equal(response.statusCode, status, url)
      assert.equal(response.json().error.code, code, url)
      assert.match(response.json().error.message, /[\u4e00-\u9fff]/, url)
    }
  })

  it('serves the OpenAPI document and a health check', async () => {
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' })
    assert.equal(spec.statusCode, 200)
    assert.ok(spec.json().paths['/api/rulebooks/{jurisdiction}/decisions/{decision}'])
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/health' })).json(), {
      status: 'ok',
    })
  })

  it('10,000 malformed requests: no 5xx', async () => {
    // A seeded generator (mulberry32): the same requests every run, so a failure reproduces.
    let seed = 20261122
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const junk = () =>
      pick([
        '',
        '{',
        '[]',
        'null',
        '"x"',
        '{"requestedOn":',
        '\u0000\uffff',
        '%zz',
        '{"a":'.repeat(50),
        'ä'.repeat(200),
        '1e309',
        '{"__proto__":{"x":1}}',
      ])
    const value = (): unknown =>
      pick([
        null,
        1,
        -1,
        1.5,
        'x',
        '2026-13-40',
        '',
        true,
        [],
        {},
        [1, 'a'],
        { a: { b: [] } },
        '9'.repeat(400),
        '2026-03-06',
      ])
    const paths = [
      '/api/rulebooks/zhongshan/decisions/countersign-deadline',
      '/api/rulebooks/zhongshan/decisions/meeting-quorum',
      '/api/rulebooks/muli/decisions/funds-approval',
      '/api/rulebooks/zhongshan',
      '/api/rulebooks/%E4%B8%AD',
      '/api/rulebooks/zhongshan/decisions/../../x',
      '/api/health',
      '/api/rulebooks/zhongshan?asOf=yesterday',
      '/api/nothing',
    ]
    const fields = [
      'requestedOn',
      'today',
      'meeting',
      'members',
      'present',
      'amount',
      'category',
      'away',
      'x',
      '',
    ]
    const statuses = new Map<number, number>()
    for (let n = 0; n < 10_000; n += 1) {
      const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const)
      const structured = random() < 0.6
      const body = structured
        ? Object.fromEntries(
            Array.from({ length: Math.floor(random() * 4) }, () => [pick(fields), value()]),
          )
        : junk()
      const response = await app.inject({
        method,
        url: pick(paths),
        headers: {
          'content-type': pick([
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=gbk',
          ]),
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      })
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
      if (response.statusCode >= 500)
        assert.fail(`${method} ${response.statusCode}: ${response.body.slice(0, 200)}`)
    }
    assert.ok(
      [...statuses.keys()].some((status) => status >= 400),
      'the fuzzer produced no refusals at all',
    )
  })
})

describe('rulebook coverage map', () => {
  it('traces every operational article of a jurisdiction to tested rules', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/rulebooks/zhongshan/coverage' })
    assert.equal(response.statusCode, 200)
    const body = response.json()
    assert.equal(body.articles.length, body.totals.articles)
    const operational = body.articles.filter((a: { class: string }) => a.class === 'operational')
    assert.equal(operational.length, body.totals.operational)
    assert.ok(operational.every((a: { testedRules: string[] }) => a.testedRules.length > 0))
    const sixth = body.articles.find((a: { number: string }) => a.number === '第六条')
    assert.ok(sixth.rules.includes('zhongshan.acting.principal'))
    assert.equal(sixth.chapter, '第二章 组成人员及职责')
    // Each operational article says whether a running workflow enforces it.
    assert.equal(
      operational.filter((a: { status: string }) => a.status === 'workflow').length,
      body.totals.workflow,
    )
    assert.equal(
      body.totals.workflow + body.totals.decisionOnly + body.totals.notForSoftware,
      body.totals.operational,
    )
    const countersign = body.articles.find((a: { rules: string[] }) =>
      a.rules.includes('zhongshan.countersign.reply'),
    )
    assert.equal(countersign.status, 'workflow')
    assert.ok(countersign.workflowRules.includes('zhongshan.countersign.reply'))
    assert.ok(
      body.articles
        .filter((a: { class: string }) => a.class === 'declarative')
        .every((a: { status: null }) => a.status === null),
    )
    const unknown = await app.inject({ method: 'GET', url: '/api/rulebooks/atlantis/coverage' })
    assert.equal(unknown.statusCode, 404)
  })
})

describe('serving the web app', () => {
  it('serves index.html for client routes and keeps JSON 404s for the API', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zhengling-web-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>政令</title>')
    const web = await buildServer({ library: loadLibrary(), webRoot: root })
    try {
      for (const url of ['/', '/organisation', '/rulebooks/zhongshan']) {
        const page = await web.inject({ method: 'GET', url })
        assert.equal(page.statusCode, 200, url)
        assert.match(page.body, /<title>政令<\/title>/)
      }
      const asset = await web.inject({ method: 'GET', url: '/assets/index-stale.js' })
      assert.equal(asset.statusCode, 404)
      const api = await web.inject({ method: 'GET', url: '/api/nothing' })
      assert.equal(api.statusCode, 404)
      assert.equal(api.json().error.code, 'NOT_FOUND')
    } finally {
      await web.close()
    }
  })
})

describe('domain errors at the edge', () => {
  it('a rule refusal is a 422 carrying the articles; a permission refusal a 403', async () => {
    const edge = await buildServer({ library: loadLibrary() })
    const citation = {
      ruleId: 'zhongshan.signoff.outgoing',
      source: '六盘水市钟山区人民政府工作规则',
      article: '第三十二条',
      excerpt: '以区人民政府名义印发的公文，由区长签发',
    }
    edge.get('/api/probe/refused', async () => {
      throw new RuleRefusedError('SIGNER_NOT_AUTHORISED', '需区长签发', [citation])
    })
    edge.get('/api/probe/forbidden', async () => {
      throw new NotPermittedError('POST_NOT_HELD', '您不担任这个职务')
    })
    try {
      const refused = await edge.inject({ method: 'GET', url: '/api/probe/refused' })
      assert.equal(refused.statusCode, 422)
      assert.deepEqual(refused.json(), {
        error: { code: 'SIGNER_NOT_AUTHORISED', message: '需区长签发', citations: [citation] },
      })
      const forbidden = await edge.inject({ method: 'GET', url: '/api/probe/forbidden' })
      assert.equal(forbidden.statusCode, 403)
      assert.equal(forbidden.json().error.citations, undefined)
    } finally {
      await edge.close()
    }
  })

  it('hands the bare server to `instrument` before its hooks and routes (the bench profile, ADR 0031)', async () => {
    const routes: string[] = []
    const marks: string[] = []
    const instrumented = await buildServer({
      library: loadLibrary(),
      instrument: (server) => {
        server.addHook('onRoute', (route) => {
          routes.push(`${String(route.method)} ${route.url}`)
        })
        server.addHook('onRequest', async () => {
          marks.push('onRequest')
        })
      },
    })
    try {
      assert.ok(routes.includes('GET /api/health'))
      assert.ok(routes.some((route) => route.includes('/api/rulebooks/')))
      const response = await instrumented.inject({ method: 'GET', url: '/api/health' })
      assert.equal(response.statusCode, 200)
      assert.deepEqual(marks, ['onRequest'])
      // The server's own hooks still run after the instrument's.
      assert.ok(response.headers['content-security-policy'])
    } finally {
      await instrumented.close()
    }
  })
})
