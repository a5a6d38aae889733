/**
 * What every bench in this folder shares: the machine line (with its load), a fresh database on
 * each engine (embedded PGlite in a temporary folder unless BENCH_EMBEDDED=skip; a PostgreSQL
 * database of its own when ZHENGLING_BENCH_DATABASE_URL is set, else one clear "skipped" line),
 * the server on it, signed-in clients and percentiles.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createScryptHasher, sm3Hasher } from '@zhengling/app'
import {
  type DatabaseHandle,
  DEMO_PASSWORD,
  migrate,
  openDatabase,
  startAuditSealer,
} from '@zhengling/db'
import { loadLibrary, type RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { buildServer, type ServerOptions } from '../src/build-server.ts'

/** Passwords hashed cheaply: the benches measure acts and reads, not sign-in. */
export const benchPasswords = createScryptHasher(2 ** 12)

export const thousands = (n: number) => n.toLocaleString('en-US')

/** The machine's one-minute load average, as /proc/loadavg gives it (empty elsewhere). */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return ''
  }
}

/** The CPU, cores, memory, Node and the load now: the line every bench report starts with. */
export function machineLine(): string {
  const cpu = cpus()[0]
  const load = loadAverage()
  return (
    `machine: ${cpu?.model ?? 'unknown CPU'} × ${cpus().length} logical cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}` +
    (load ? `; load ${load}` : '')
  )
}

export interface BenchEngine {
  /** 'embedded (PGlite)' or 'PostgreSQL server 15.x'. */
  label: string
  kind: 'embedded' | 'server'
  handle: DatabaseHandle
  /** The PostgreSQL database's own URL (server only): for pgbench and second pools. */
  url?: string
}

/**
 * Runs `measure` on a fresh, migrated database on each engine in turn: embedded PGlite (unless
 * BENCH_EMBEDDED=skip), then PostgreSQL when ZHENGLING_BENCH_DATABASE_URL names a server (in a
 * database `<BENCH_DATABASE_PREFIX or zhengling_bench>_<name>`, dropped and created anew), else
 * says it is skipped.
 */
export async function onEachEngine(
  name: string,
  measure: (engine: BenchEngine) => Promise<void>,
): Promise<void> {
  if (process.env.BENCH_EMBEDDED !== 'skip') {
    const handle = await openDatabase({
      dataDir: mkdtempSync(join(tmpdir(), `zhengling-bench-${name}-`)),
    })
    await migrate(handle.db)
    try {
      await measure({ label: 'embedded (PGlite)', kind: 'embedded', handle })
    } finally {
      await handle.close()
    }
  }
  const serverUrl = process.env.ZHENGLING_BENCH_DATABASE_URL
  if (!serverUrl) {
    console.log('PostgreSQL server: skipped (set ZHENGLING_BENCH_DATABASE_URL to measure it)')
    return
  }
  // BENCH_DATABASE_PREFIX keeps concurrent runs on one server apart (default zhengling_bench).
  const prefix = process.env.BENCH_DATABASE_PREFIX ?? 'zhengling_bench'
  const database = `${prefix}_${name.replace(/\W/g, '_')}`
  const url = await freshDatabase(serverUrl, database)
  const handle = await openDatabase({ url })
  await migrate(handle.db)
  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
    handle.db,
  )
  try {
    await measure({
      label: `PostgreSQL server ${version.rows[0]?.v ?? ''}`.trim(),
      kind: 'server',
      handle,
      url,
    })
  } finally {
    await handle.close()
  }
}

/** Drops and creates `database` on the server `serverUrl` names; answers its URL. */
export async function freshDatabase(serverUrl: string, database: string): Promise<string> {
  const admin = await openDatabase({ url: serverUrl })
  await sql`drop database if exists ${sql.id(database)}`.execute(admin.db)
  await sql`create database ${sql.id(database)}`.execute(admin.db)
  await admin.close()
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export interface BenchServer {
  app: FastifyInstance
  base: string
  close(): Promise<void>
}

/**
 * The API server on `db`, listening on a free loopback port, with the audit sealer the real
 * server runs (ADR 0026), so the acts measured pay for sealing their records too.
 */
export async function startBenchServer(
  db: Kysely<never> | DatabaseHandle['db'],
  options: { library?: RulebookLibrary; instrument?: ServerOptions['instrument'] } = {},
): Promise<BenchServer> {
  const app = await buildServer({
    library: options.library ?? loadLibrary(),
    instrument: options.instrument,
    sessions: {
      db: db as DatabaseHandle['db'],
      passwords: benchPasswords,
      hasher: sm3Hasher,
      now: () => new Date(),
      secureCookies: false,
    },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  // Bulk loads idle the client's pooled connections for minutes: keep them open meanwhile.
  app.server.keepAliveTimeout = 3_600_000
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const sealer = startAuditSealer(db as DatabaseHandle['db'], {
    onError: (error) => app.log.error({ err: error }, '审计记录封存失败'),
  })
  return {
    app,
    base,
    close: async () => {
      await sealer.stop()
      await app.close()
    },
  }
}

// The API's answers, read loosely: the benches only pick ids and counts out of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface BenchClient {
  username: string
  /** The session cookie (`zl_session=…`), for load generators that send their own requests. */
  cookie: string
  posts: { postId: string; title: string; departmentId: string | null }[]
  /** Any request; answers the status and the parsed body. */
  request(
    method: string,
    path: string,
    body?: object,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: Json }>
  /** A request that must succeed (status < 300): answers the body, else throws. */
  call(method: string, path: string, body?: object): Promise<Json>
  get(path: string): Promise<Json>
  /** Makes the post of that title the session's current post. */
  switchTo(title: string): Promise<void>
}

/** Signs `username` in (the demo password) and answers a client holding the session. */
export async function signIn(base: string, username: string): Promise<BenchClient> {
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (login.status !== 200)
    throw new Error(`sign-in ${username}: ${login.status} ${await login.text()}`)
  const info = (await login.json()) as { csrfToken: string; posts: BenchClient['posts'] }
  const session = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': info.csrfToken,
  }
  const request: BenchClient['request'] = async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...session,
        ...headers,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await response.text()
    return { status: response.status, json: text ? JSON.parse(text) : null }
  }
  const call: BenchClient['call'] = async (method, path, body) => {
    const answer = await request(method, path, body)
    if (answer.status >= 300)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`)
    return answer.json
  }
  return {
    username,
    cookie: session.cookie,
    posts: info.posts,
    request,
    call,
    get: (path) => call('GET', path),
    async switchTo(title) {
      const post = info.posts.find((p) => p.title === title)
      if (!post) throw new Error(`${username} does not hold ${title}`)
      await call('PUT', '/api/session/post', { postId: post.postId })
    },
  }
}

/** Signed-in clients by username, each signed in once and shared by every caller. */
export function clientPool(base: string): (username: string) => Promise<BenchClient> {
  const clients = new Map<string, Promise<BenchClient>>()
  return (username) => {
    let client = clients.get(username)
    if (!client) clients.set(username, (client = signIn(base, username)))
    return client
  }
}

export interface Percentiles {
  p50: number
  p95: number
}

/** The q-quantile (nearest rank) of ascending `sorted`. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
}

/** p50 and p95 of `count` timed calls after `warmUp` untimed ones, wall time in milliseconds. */
export async function percentiles(
  count: number,
  warmUp: number,
  call: (n: number) => Promise<unknown>,
): Promise<Percentiles> {
  return samplePercentiles(count, warmUp, async (n) => {
    const at = performance.now()
    await call(n)
    return performance.now() - at
  })
}

/** p50 and p95 of the times `count` calls answer themselves (e.g. the server's), after `warmUp`. */
export async function samplePercentiles(
  count: number,
  warmUp: number,
  call: (n: number) => Promise<number>,
): Promise<Percentiles> {
  for (let n = 0; n < warmUp; n += 1) await call(n)
  const samples: number[] = []
  for (let n = 0; n < count; n += 1) samples.push(await call(n))
  samples.sort((a, b) => a - b)
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) }
}

export const ms = (figures: Percentiles) =>
  `p50 ${figures.p50.toFixed(1)} ms  p95 ${figures.p95.toFixed(1)} ms`
