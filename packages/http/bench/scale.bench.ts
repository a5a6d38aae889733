/**
 * Read paths against data size (issue 14, part 3): the 待办 inbox, full-text search and the
 * supervision dashboard (督查看板), p50/p95 at each size of BENCH_SCALES (documents; as many
 * ledger items × BENCH_SCALE_ITEMS_RATIO, default 1), and the growth factor from the smallest
 * to the largest size — flat read paths keep it near 1. Each size gets a fresh database filled
 * by the set-based generator (@zhengling/db/scale-data) over BENCH_SCALE_JURISDICTIONS
 * jurisdictions (default 5; 100 for a province), then the queries run through the repositories
 * (the SQL the API runs, without HTTP) as the head post of a unit, rotating over units and
 * search words. Embedded PGlite first, then PostgreSQL with ZHENGLING_BENCH_DATABASE_URL.
 * The table: BENCH_SCALES=10000,100000,1000000 on PostgreSQL (minutes to load).
 */
import { createRepositories } from '@zhengling/db'
import {
  generateScaleData,
  SCALE_TOPICS,
  scaleDepartmentId,
  scaleJurisdictionId,
  scalePostId,
} from '@zhengling/db/scale-data'
import type { Viewer } from '@zhengling/app'
import { performance } from 'node:perf_hooks'
import {
  machineLine,
  ms,
  onEachEngine,
  type Percentiles,
  percentiles,
  thousands,
} from './bench-support.ts'

const SCALES = (process.env.BENCH_SCALES ?? '1000,10000')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((n) => n > 0)
const JURISDICTIONS = Number(process.env.BENCH_SCALE_JURISDICTIONS ?? 5)
const ITEMS_RATIO = Number(process.env.BENCH_SCALE_ITEMS_RATIO ?? 1)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100)
const DEPARTMENTS = 30
const TODAY = '2026-06-15'
const WEEK_END = '2026-06-21'
const PLACES = ['全县', '城关镇', '东乡', '西乡']

function viewerOf(n: number): Viewer {
  const j = (n % Math.min(JURISDICTIONS, 5)) + 1
  const d = ((n * 7) % DEPARTMENTS) + 1
  return {
    jurisdictionId: scaleJurisdictionId('scale', j),
    postIds: [scalePostId('scale', j, d)],
    departmentIds: [scaleDepartmentId('scale', j, d)],
    clearance: 'secret',
  }
}
/** One topic word (≈ 5 % of documents), or a topic and a place (≈ 0.6 %). */
function wordsOf(n: number): string {
  const topic = SCALE_TOPICS[(n * 11) % SCALE_TOPICS.length] ?? '防汛'
  return n % 2 ? topic : `${topic} ${PLACES[n % PLACES.length]}`
}

interface Row {
  documents: number
  items: number
  loadSeconds: number
  inbox: Percentiles
  search: Percentiles
  dashboard: Percentiles
}

console.log(machineLine())
console.log(
  `scale: ${SCALES.map(thousands).join(' / ')} documents, ledger items × ${ITEMS_RATIO}, ` +
    `${JURISDICTIONS} jurisdictions × ${DEPARTMENTS} units; ${REQUESTS} requests per figure`,
)
const results = new Map<string, Row[]>()
for (const documents of SCALES) {
  const items = Math.round(documents * ITEMS_RATIO)
  await onEachEngine(`scale_${documents}`, async (engine) => {
    const db = engine.handle.db
    const loading = performance.now()
    await generateScaleData(db, { documents, ledgerItems: items, jurisdictions: JURISDICTIONS })
    const loadSeconds = (performance.now() - loading) / 1000
    const { documents: documentsRepository, supervision } = createRepositories(db)
    const inbox = await percentiles(REQUESTS, 10, (n) =>
      documentsRepository.inbox(viewerOf(n), { limit: 50 }),
    )
    const search = await percentiles(REQUESTS, 10, (n) =>
      documentsRepository.search(viewerOf(n), wordsOf(n), { limit: 50 }),
    )
    const dashboard = await percentiles(REQUESTS, 10, (n) =>
      supervision.dashboard(viewerOf(n), { today: TODAY, weekEnd: WEEK_END }),
    )
    const row = { documents, items, loadSeconds, inbox, search, dashboard }
    console.log(
      `${engine.label}: ${thousands(documents)} documents, ${thousands(items)} items ` +
        `(loaded in ${loadSeconds.toFixed(1)} s): inbox ${ms(inbox)} | search ${ms(search)} | ` +
        `dashboard ${ms(dashboard)}`,
    )
    results.set(engine.label, [...(results.get(engine.label) ?? []), row])
  })
}

for (const [label, rows] of results) {
  console.log(`\n${label}`)
  console.log('documents   items       inbox p50/p95      search p50/p95     dashboard p50/p95')
  const cell = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} ms`.padEnd(19)
  for (const row of rows)
    console.log(
      `${thousands(row.documents).padEnd(12)}${thousands(row.items).padEnd(12)}` +
        `${cell(row.inbox)}${cell(row.search)}${cell(row.dashboard)}`,
    )
  const first = rows[0]
  const last = rows.at(-1)
  if (first && last && last !== first) {
    const growth = (key: 'inbox' | 'search' | 'dashboard') =>
      `${key} ×${(last[key].p95 / Math.max(first[key].p95, 0.01)).toFixed(1)}`
    console.log(
      `growth ${thousands(first.documents)} → ${thousands(last.documents)} (p95): ` +
        `${growth('inbox')}, ${growth('search')}, ${growth('dashboard')}`,
    )
  }
}
