/**
 * HTTP benchmark: requests per second and p50/p99 latency for authenticated read endpoints,
 * on the embedded database and, when ZHENGLING_BENCH_DATABASE_URL
 * names a PostgreSQL server, on that server too. The load generator (autocannon) runs in this
 * process on loopback, so both share the machine's two cores.
 */
import { seedDemoJurisdiction } from '@zhengling/db'
import autocannon from 'autocannon'
import {
  benchPasswords,
  type BenchEngine,
  machineLine,
  onEachEngine,
  signIn,
  startBenchServer,
} from './bench-support.ts'

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
// A small list (posts with holders) and the organisation view's chart (departments, posts,
// holders, portfolios, acting: five queries); /api/health for the server's own ceiling.
const ENDPOINTS = [
  '/api/health',
  '/api/organisation/posts',
  '/api/jurisdictions/zhongshan/organisation',
]

async function measure(engine: BenchEngine) {
  await seedDemoJurisdiction(engine.handle.db, { now: () => new Date(), passwords: benchPasswords })
  const server = await startBenchServer(engine.handle.db)
  const client = await signIn(server.base, 'zs-principal')
  for (const path of ENDPOINTS) {
    const result = await autocannon({
      url: `${server.base}${path}`,
      headers: { cookie: client.cookie },
      connections: 10,
      duration: DURATION_SECONDS,
    })
    const errors = result.errors + result.non2xx
    console.log(
      `${engine.label.slice(0, 19).padEnd(20)}${path.padEnd(42)}${Math.round(result.requests.average).toLocaleString('en-US').padStart(7)} req/s` +
        `   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${errors}`,
    )
  }
  await server.close()
}

console.log(machineLine())
console.log(
  `runtime: server and load generator in one process, 10 connections, ${DURATION_SECONDS} s each`,
)
console.log('authenticated GETs as zs-principal on the 钟山区 demo (12 posts, 8 units)\n')
await onEachEngine('http', measure)
