/**
 * A province on a primary and a hot standby (issue 14, part 6; ADR 0029). Starts its own
 * PostgreSQL primary, streaming standby and PgBouncer (transaction mode) from Debian's binaries
 * (as the replica test does), seeds 钟山区 and fills a province beside it with the set-based
 * generator (BENCH_REPLICA_DOCUMENTS documents, half as many ledger items, over
 * BENCH_REPLICA_JURISDICTIONS jurisdictions; the issue's run: 1000000 and 100). Then two servers,
 * one reading only the primary and one with DATABASE_READ_URL, answer the same signed-in desk:
 * the read pages' p50/p95 side by side (interleaved request by request), the share the standby
 * answered, the statements a write costs more with read-your-writes, and reads per second with
 * BENCH_REPLICA_CLIENTS concurrent clients. Not in `npm run bench` (it needs the PostgreSQL
 * binaries and root or the postgres user): `npm run bench:replicas`.
 */
import { performance } from 'node:perf_hooks'
import {
  countStatements,
  migrate,
  openDatabase,
  readRoutingOf,
  seedDemoJurisdiction,
} from '@zhengling/db'
import { generateScaleData } from '@zhengling/db/scale-data'
import { loadLibrary } from '@zhengling/rulebooks'
import pg from 'pg'
import { postgresBinaries, startCluster } from '../src/test-support/postgres-cluster.ts'
import {
  benchPasswords,
  machineLine,
  ms,
  type Percentiles,
  quantile,
  signIn,
  startBenchServer,
  thousands,
} from './bench-support.ts'

const DOCUMENTS = Number(process.env.BENCH_REPLICA_DOCUMENTS ?? 10_000)
const JURISDICTIONS = Number(process.env.BENCH_REPLICA_JURISDICTIONS ?? 100)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100)
const CLIENTS = Number(process.env.BENCH_REPLICA_CLIENTS ?? 8)
const SECONDS = Number(process.env.BENCH_REPLICA_SECONDS ?? 5)

const PAGES = [
  ['inbox', '/api/inbox'],
  ['search', `/api/documents?q=${encodeURIComponent('老旧小区')}`],
  ['register (incoming)', '/api/documents/register?direction=incoming'],
  ['supervision dashboard', '/api/supervision/dashboard'],
  ['workbench counts', '/api/workbench/counts'],
] as const

console.log(machineLine())
if (!postgresBinaries()) {
  console.log('replicas: skipped (no PostgreSQL binaries under /usr/lib/postgresql)')
  process.exit(0)
}
const started = performance.now()
const cluster = await startCluster()
try {
  const owner = await openDatabase({ url: cluster.primaryUrl })
  await migrate(owner.db)
  await seedDemoJurisdiction(owner.db, { now: () => new Date(), passwords: benchPasswords })
  const loading = performance.now()
  await generateScaleData(owner.db, {
    documents: DOCUMENTS,
    ledgerItems: Math.round(DOCUMENTS / 2),
    jurisdictions: JURISDICTIONS,
  })
  const loadSeconds = (performance.now() - loading) / 1000
  await owner.close()
  const lag = await standbyCatchUp(cluster.primaryUrl, cluster.standbyUrl)
  console.log(
    `province: ${thousands(DOCUMENTS)} documents and ${thousands(Math.round(DOCUMENTS / 2))} ledger ` +
      `items over ${JURISDICTIONS} jurisdictions beside 钟山区 (loaded in ${loadSeconds.toFixed(1)} s; ` +
      `standby caught up ${lag.toFixed(1)} s after); cluster ready in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  )

  const primaryUrl = cluster.bouncerUrl ?? cluster.primaryUrl
  const onlyPrimary = await openDatabase({ url: primaryUrl })
  const withStandby = await openDatabase({ url: primaryUrl, readUrl: cluster.standbyUrl })
  const library = loadLibrary()
  const servers = [
    await startBenchServer(onlyPrimary.db, { library }),
    await startBenchServer(withStandby.db, { library }),
  ]
  try {
    const [deskP, deskS] = await Promise.all(servers.map((s) => signIn(s.base, 'zs-secretariat')))
    const stats = readRoutingOf(withStandby.db)!.stats
    console.log(
      `\nread pages, signed in as the 秘书科 desk, ${REQUESTS} requests each, interleaved ` +
        `(primary through PgBouncer${cluster.bouncerUrl ? '' : ': not installed, direct'})`,
    )
    console.log(
      'page                    primary only                  with the standby              standby share',
    )
    for (const [label, path] of PAGES) {
      const times: [number[], number[]] = [[], []]
      const before = stats.standby
      let statements = 0
      for (let n = 0; n < REQUESTS + 10; n += 1) {
        for (const [i, desk] of [deskP!, deskS!].entries()) {
          const counter = i === 1 ? countStatements(withStandby.db) : undefined
          const at = performance.now()
          await desk.get(path)
          if (n >= 10) times[i]!.push(performance.now() - at)
          if (counter) {
            statements += counter.count
            counter.stop()
          }
        }
      }
      const share = (stats.standby - before) / Math.max(1, statements)
      console.log(
        `${label.padEnd(24)}${figures(times[0]).padEnd(30)}${figures(times[1]).padEnd(30)}` +
          `${(share * 100).toFixed(0)} % of statements`,
      )
    }

    // What read-your-writes costs a write: the WAL position read after it.
    const phrases = { phrases: ['同意', '请阅'] }
    const costOf = async (db: typeof onlyPrimary.db, desk: typeof deskP) => {
      const counter = countStatements(db)
      await desk!.call('PUT', '/api/me/instruction-phrases', phrases)
      counter.stop()
      return counter.count
    }
    const [writeP, writeS] = [
      await costOf(onlyPrimary.db, deskP),
      await costOf(withStandby.db, deskS),
    ]
    console.log(
      `\na write (常用批示语 saved): ${writeP} statements reading only the primary, ${writeS} with ` +
        `the standby (the WAL position for read-your-writes)`,
    )

    // Throughput of one read page with concurrent clients, each server in turn.
    console.log(`\ninbox with ${CLIENTS} concurrent clients for ${SECONDS} s each:`)
    for (const [i, server] of servers.entries()) {
      const clients = await Promise.all(
        Array.from({ length: CLIENTS }, () => signIn(server.base, 'zs-secretariat')),
      )
      let done = 0
      const until = performance.now() + SECONDS * 1000
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < until) {
            await client.get('/api/inbox')
            done += 1
          }
        }),
      )
      console.log(
        `  ${i === 0 ? 'primary only    ' : 'with the standby'}  ${(done / SECONDS).toFixed(0)} req/s`,
      )
    }
    console.log(
      '  (on one machine the standby shares the same cores as the primary: the figure that ' +
        'matters is the primary CPU the standby takes over, not req/s here)',
    )
  } finally {
    for (const server of servers) await server.close()
    await onlyPrimary.close()
    await withStandby.close()
  }
} finally {
  await cluster.stop()
}

function figures(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  const p: Percentiles = { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
  return ms(p)
}

/** Seconds until the standby has replayed everything the primary has written. */
async function standbyCatchUp(primaryUrl: string, standbyUrl: string): Promise<number> {
  const at = performance.now()
  const [primary, standby] = [
    new pg.Client({ connectionString: primaryUrl }),
    new pg.Client({ connectionString: standbyUrl }),
  ]
  await primary.connect()
  await standby.connect()
  const { rows } = await primary.query<{ lsn: string }>(
    'select pg_current_wal_insert_lsn()::text as lsn',
  )
  for (;;) {
    const done = await standby.query<{ done: boolean }>(
      'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
      [rows[0]!.lsn],
    )
    if (done.rows[0]?.done) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await primary.end()
  await standby.end()
  return (performance.now() - at) / 1000
}
