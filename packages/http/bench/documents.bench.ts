/**
 * Documents benchmark, through the HTTP API on the embedded database and (with
 * ZHENGLING_BENCH_DATABASE_URL) on a PostgreSQL server:
 * - documents submitted and registered per second (报送 + 签收登记, 2 requests each);
 * - full incoming flows per second (报送 → 办结, 9 requests each, two deputies instructing);
 * - inbox and full-text search p50/p95 with BENCH_DOCUMENTS (default 1,000,000) documents and
 *   as many open tasks in the database, the signed-in desk holding ~1% of them.
 * One process holds server and client, so both share the machine's two cores.
 */
import { mkdtempSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createScryptHasher, sm3Hasher } from '@zhengling/app'
import { DEMO_PASSWORD, migrate, openDatabase, seedDemoJurisdiction } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { sql } from 'kysely'
import { buildServer } from '../src/build-server.ts'

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000)
const passwords = createScryptHasher(2 ** 12)

async function measure(label: string, options: { url?: string; dataDir?: string }) {
  const handle = await openDatabase(options)
  await migrate(handle.db)
  await seedDemoJurisdiction(handle.db, { now: () => new Date(), passwords })
  const app = await buildServer({
    library: loadLibrary(),
    sessions: {
      db: handle.db,
      passwords,
      hasher: sm3Hasher,
      now: () => new Date(),
      secureCookies: false,
    },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  // The bulk load idles the client's pooled connections for minutes: keep them open meanwhile.
  app.server.keepAliveTimeout = 3_600_000
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const sessions = new Map<string, { cookie: string; csrf: string }>()
  type Answer = { document: { id: string }; csrfToken: string }
  async function call(
    username: string,
    method: string,
    path: string,
    body?: object,
  ): Promise<Answer> {
    let session = sessions.get(username)
    if (!session) {
      const login = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      })
      session = {
        cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        csrf: ((await login.json()) as Answer).csrfToken,
      }
      sessions.set(username, session)
    }
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Answer
  }
  const finance = (
    await handle.db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', '区财政局')
      .executeTakeFirstOrThrow()
  ).id
  const township = (
    await handle.db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', '荷城街道')
      .executeTakeFirstOrThrow()
  ).id
  const request = {
    kind: '请示',
    title: '关于申请拨付老旧小区改造资金的请示',
    body: '为推进老旧小区改造，申请拨付专项资金。',
    secrecy: '内部',
    mainRecipients: ['区人民政府'],
    signatories: ['孙丽'],
  }

  const registered = 100
  let started = performance.now()
  for (let n = 0; n < registered; n += 1) {
    const { document } = await call('zs-townshipHead', 'POST', '/api/documents/incoming', request)
    await call('zs-secretariat', 'POST', `/api/documents/${document.id}/register`, {})
  }
  const registerRate = registered / ((performance.now() - started) / 1000)

  const flows = 20
  started = performance.now()
  for (let n = 0; n < flows; n += 1) {
    const { document } = await call('zs-townshipHead', 'POST', '/api/documents/incoming', request)
    const id = document.id
    await call('zs-secretariat', 'POST', `/api/documents/${id}/register`, {})
    await call('zs-secretariat', 'POST', `/api/documents/${id}/screen`, { findings: {} })
    await call('zs-officeDirector', 'POST', `/api/documents/${id}/propose`, {
      opinion: '拟请分管领导审批',
      concernedDepartmentIds: [finance],
    })
    await call('zs-deputy-3', 'POST', `/api/documents/${id}/instruct`, { text: '同意' })
    await call('zs-executiveDeputy', 'POST', `/api/documents/${id}/instruct`, { circleRead: true })
    await call('zs-secretariat', 'POST', `/api/documents/${id}/refer`, {
      departmentIds: [finance, township],
    })
    await call('zs-departmentHead-9', 'POST', `/api/documents/${id}/complete`, { result: '已办' })
    await call('zs-townshipHead', 'POST', `/api/documents/${id}/complete`, { result: '已办' })
  }
  const flowRate = flows / ((performance.now() - started) / 1000)

  // Bulk history: documents of the jurisdiction with one open task each, 1% on the desk's post.
  const desk = (
    await handle.db
      .selectFrom('posts')
      .select('id')
      .where('title', '=', '区人民政府办公室秘书股股长')
      .executeTakeFirstOrThrow()
  ).id
  const other = (
    await handle.db
      .selectFrom('posts')
      .select('id')
      .where('title', '=', '区长')
      .executeTakeFirstOrThrow()
  ).id
  started = performance.now()
  const words = ['防汛', '预算', '教育', '改造', '安全', '生产', '检查', '资金', '招商', '环保']
  await sql`
    insert into documents (id, jurisdiction_id, direction, kind, title, body, secrecy, state,
      due_date, distribution_posts, distribution_departments, created_at, updated_at, search)
    select gen_random_uuid(), 'zhongshan', 'incoming', '报告',
      '关于' || (${sql.val(words)}::text[])[1 + n % 10] || '工作第' || n || '号的报告', '',
      'internal', 'referred', date '2026-01-01' + (n % 300),
      array[case when n % 100 = 0 then ${desk}::uuid else ${other}::uuid end], '{}', now(), now(),
      to_tsvector('simple', '关于 ' || (${sql.val(words)}::text[])[1 + n % 10] || ' 工作 第 ' || n || ' 号 的 报告')
    from generate_series(1, ${DOCUMENTS}) as n`.execute(handle.db)
  await sql`
    insert into document_tasks (id, document_id, jurisdiction_id, assignee_post_id, kind, due_date, opened_at)
    select gen_random_uuid(), id, jurisdiction_id, distribution_posts[1], 'handle', due_date, now()
    from documents where body = '' and kind = '报告'`.execute(handle.db)
  await sql`analyze`.execute(handle.db)
  const loadSeconds = (performance.now() - started) / 1000

  const percentiles = async (path: (n: number) => string) => {
    const samples: number[] = []
    for (let n = 0; n < 100; n += 1) {
      const at = performance.now()
      await call('zs-secretariat', 'GET', path(n))
      samples.push(performance.now() - at)
    }
    samples.sort((a, b) => a - b)
    return `p50 ${samples[49]?.toFixed(1)} ms  p95 ${samples[94]?.toFixed(1)} ms`
  }
  const inbox = await percentiles(() => '/api/inbox?limit=50')
  const search = await percentiles(
    (n) => `/api/documents?q=${encodeURIComponent(`${words[n % 10]}工作`)}`,
  )
  await app.close()
  await handle.close()
  console.log(`${label}`)
  console.log(
    `  submitted + registered   ${registerRate.toFixed(1)} documents/s (${registered} documents)`,
  )
  console.log(
    `  full incoming flows      ${flowRate.toFixed(2)} flows/s (${flows} flows × 9 requests)`,
  )
  console.log(
    `  bulk load                ${DOCUMENTS.toLocaleString('en-US')} documents + tasks in ${loadSeconds.toFixed(0)} s`,
  )
  console.log(`  inbox (50 of ~${(DOCUMENTS / 100).toLocaleString('en-US')} open tasks)  ${inbox}`)
  console.log(`  search (2 words)         ${search}`)
}

const cpu = cpus()[0]
console.log(
  `machine: ${cpu?.model ?? 'unknown CPU'} × ${cpus().length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}\n`,
)
if (process.env.BENCH_EMBEDDED !== 'skip')
  await measure('embedded (PGlite)', {
    dataDir: mkdtempSync(join(tmpdir(), 'zhengling-bench-docs-')),
  })
const serverUrl = process.env.ZHENGLING_BENCH_DATABASE_URL
if (serverUrl) {
  const admin = await openDatabase({ url: serverUrl })
  await sql`drop database if exists zhengling_bench_docs`.execute(admin.db)
  await sql`create database zhengling_bench_docs`.execute(admin.db)
  await admin.close()
  const url = new URL(serverUrl)
  url.pathname = '/zhengling_bench_docs'
  await measure('PostgreSQL server', { url: url.toString() })
} else {
  console.log('PostgreSQL server: skipped (set ZHENGLING_BENCH_DATABASE_URL to measure it)')
}
