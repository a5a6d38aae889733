/**
 * HTTP benchmark: requests per second and p50/p99 latency for authenticated read endpoints,
 * on the embedded database and, when ZHENGLING_BENCH_DATABASE_URL
 * names a PostgreSQL server, on that server too. The load generator (autocannon) runs in this
 * process on loopback, so both share the machine's two cores.
 */
import { mkdtempSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { createScryptHasher, sm3Hasher } from '@zhengling/app'
import { DEMO_PASSWORD, migrate, openDatabase, seedDemoJurisdiction } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { buildServer } from '../src/build-server.ts'

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
// A small list (posts with holders) and the organisation view's chart (departments, posts,
// holders, portfolios, acting: five queries).
const ENDPOINTS = ['/api/organisation/posts', '/api/jurisdictions/zhongshan/organisation']
const passwords = createScryptHasher()

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
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const login = await fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zs-principal', password: DEMO_PASSWORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  for (const path of ENDPOINTS) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      headers: { cookie },
      connections: 10,
      duration: DURATION_SECONDS,
    })
    const errors = result.errors + result.non2xx
    console.log(
      `${label.padEnd(20)}${path.padEnd(42)}${Math.round(result.requests.average).toLocaleString('en-US').padStart(7)} req/s` +
        `   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${errors}`,
    )
  }
  await app.close()
  await handle.close()
}

const cpu = cpus()[0]
console.log(
  `machine: ${cpu?.model ?? 'unknown CPU'} × ${cpus().length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
)
console.log(
  `runtime: Node ${process.version}; server and load generator in one process, 10 connections, ${DURATION_SECONDS} s each`,
)
console.log('authenticated GETs as zs-principal on the 钟山区 demo (12 posts, 8 units)\n')
await measure('embedded (PGlite)', { dataDir: mkdtempSync(join(tmpdir(), 'zhengling-bench-')) })
const serverUrl = process.env.ZHENGLING_BENCH_DATABASE_URL
if (serverUrl) {
  const admin = await openDatabase({ url: serverUrl })
  await sql`drop database if exists zhengling_bench`.execute(admin.db)
  await sql`create database zhengling_bench`.execute(admin.db)
  await admin.close()
  const url = new URL(serverUrl)
  url.pathname = '/zhengling_bench'
  await measure('PostgreSQL server', { url: url.toString() })
} else {
  console.log('PostgreSQL server: skipped (set ZHENGLING_BENCH_DATABASE_URL to measure it)')
}
