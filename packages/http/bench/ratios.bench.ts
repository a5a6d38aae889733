/**
 * A workflow step at the database's pace (issue 14, ADR 0031): on one database, in interleaved
 * rounds at 1, 4 and 16 clients (BENCH_CLIENTS), each for BENCH_RATIO_SECONDS (default 4):
 * - pgbench's TPC-B (a scratch database on the same server; in process on the embedded one);
 * - the one-act anchor (one-act.pgbench.sql: one act's rows in one transaction);
 * - documents submitted and registered (报送 + 签收登记, 2 steps) through the HTTP API;
 * - full incoming flows (报送 → 办结, 9 steps, two deputies instructing) through the HTTP API;
 * and prints steps/s ÷ TPC-B and ÷ the anchor, the statements each act sends (counted at the
 * driver), and the CPU per act split by layer (one client, BENCH_PROFILE_FLOWS flows).
 * On PostgreSQL the server runs beside the app on the same machine: both share its cores.
 */
import { performance } from 'node:perf_hooks'
import { countStatements, seedDemoJurisdiction } from '@zhengling/db'
import type { Kysely } from 'kysely'
import {
  benchPasswords,
  type BenchEngine,
  clientPool,
  freshDatabase,
  loadAverage,
  machineLine,
  onEachEngine,
  startBenchServer,
} from './bench-support.ts'
import { backendCpu, backendDelta, LAYER_LABELS, LAYERS, LayerClock } from './layer-profile.ts'
import {
  ANCHOR_DOCUMENTS,
  findPgbench,
  initTpcb,
  initTpcbInProcess,
  inProcessTps,
  ONE_ACT_SCRIPT,
  parseScript,
  pgbenchTps,
  prepareAnchor,
  TPCB_SCRIPT,
} from './pgbench.ts'

const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,4,16').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_RATIO_SECONDS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const PROFILE_FLOWS = Number(process.env.BENCH_PROFILE_FLOWS ?? 10)
const PROFILE_READS = Number(process.env.BENCH_PROFILE_READS ?? 200)
const READ_PATHS = ['/api/health', '/api/inbox?limit=50']
const SCALE = 1

/** One act of the incoming flow: who, the address's tail, the body. */
type Step = { who: string; act: string; body: object }

/** The documents' flow through the API, with the unit ids it needs. */
function documentsFlow(ids: { finance: string; township: string }) {
  const request = {
    kind: '请示',
    title: '关于申请拨付老旧小区改造资金的请示',
    body: '为推进老旧小区改造，申请拨付专项资金。',
    secrecy: '内部',
    mainRecipients: ['区人民政府'],
    signatories: ['孙丽'],
  }
  const after: Step[] = [
    { who: 'zs-secretariat', act: 'register', body: {} },
    { who: 'zs-secretariat', act: 'screen', body: { findings: {} } },
    {
      who: 'zs-officeDirector',
      act: 'propose',
      body: { opinion: '拟请分管领导审批', concernedDepartmentIds: [ids.finance] },
    },
    { who: 'zs-deputy-3', act: 'instruct', body: { text: '同意' } },
    { who: 'zs-executiveDeputy', act: 'instruct', body: { circleRead: true } },
    {
      who: 'zs-secretariat',
      act: 'refer',
      body: { departmentIds: [ids.finance, ids.township] },
    },
    { who: 'zs-departmentHead-9', act: 'complete', body: { result: '已办' } },
    { who: 'zs-townshipHead', act: 'complete', body: { result: '已办' } },
  ]
  return { request, after }
}

interface Figures {
  tpcb: number[]
  anchor: number[]
  documents: number[]
  registerSteps: number[]
  flowSteps: number[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
const fixed = (n: number, digits = 0) => n.toFixed(digits).padStart(8)

async function measure(engine: BenchEngine) {
  const db = engine.handle.db
  await seedDemoJurisdiction(db, { now: () => new Date(), passwords: benchPasswords })
  const clock = new LayerClock()
  const server = await startBenchServer(db.withPlugin(clock.plugin), {
    instrument: clock.instrument,
  })
  const as = clientPool(server.base)
  const unitId = async (name: string) =>
    (
      await db
        .selectFrom('departments')
        .select('id')
        .where('name', '=', name)
        .where('jurisdiction_id', '=', 'zhongshan')
        .executeTakeFirstOrThrow()
    ).id
  const flow = documentsFlow({
    finance: await unitId('区财政局'),
    township: await unitId('荷城街道'),
  })
  const submit = async () =>
    (
      (await (
        await as('zs-townshipHead')
      ).call('POST', '/api/documents/incoming', flow.request)) as { document: { id: string } }
    ).document.id
  const step = async (id: string, { who, act, body }: Step) =>
    (await as(who)).call('POST', `/api/documents/${id}/${act}`, body)
  // Everyone signs in before anything is timed; one flow warms the server and gives the anchor
  // its template document.
  for (const who of new Set(['zs-townshipHead', ...flow.after.map((s) => s.who)])) await as(who)
  const warm = await submit()
  for (const s of flow.after) await step(warm, s)

  // Statements per act, counted at the driver (session lookup, begin/commit and reads included).
  const counter = countStatements(db)
  const perAct: { act: string; count: number }[] = []
  counter.reset()
  const counted = await submit()
  perAct.push({ act: 'submit', count: counter.count })
  for (const s of flow.after) {
    counter.reset()
    await step(counted, s)
    perAct.push({ act: s.act, count: counter.count })
  }
  counter.stop()

  // The anchors: TPC-B in a scratch database on the same server (in process on PGlite), the
  // one-act script on the app's own database.
  const pgbench = engine.kind === 'server' ? findPgbench() : undefined
  let tpcbUrl: string | undefined
  if (engine.kind === 'server') {
    if (pgbench && engine.url) {
      tpcbUrl = await freshDatabase(engine.url, `${new URL(engine.url).pathname.slice(1)}_tpcb`)
      await initTpcb(pgbench, tpcbUrl, SCALE)
    } else console.log('  pgbench not found (PGBENCH, PATH, /usr/lib/postgresql): no anchors')
  } else await initTpcbInProcess(db, SCALE)
  await prepareAnchor(db)
  const tpcbScript = parseScript(TPCB_SCRIPT)
  const anchorScript = parseScript(ONE_ACT_SCRIPT)
  const anchorVariables = { documents: ANCHOR_DOCUMENTS }
  const tpcb = async (clients: number) =>
    engine.kind === 'embedded'
      ? inProcessTps(db, tpcbScript, { clients, seconds: SECONDS, scale: SCALE })
      : pgbench && tpcbUrl
        ? pgbenchTps(pgbench, tpcbUrl, {
            script: TPCB_SCRIPT,
            clients,
            seconds: SECONDS,
            scale: SCALE,
            vacuum: false,
          })
        : Number.NaN
  const anchor = async (clients: number) =>
    engine.kind === 'embedded'
      ? inProcessTps(db, anchorScript, { clients, seconds: SECONDS, variables: anchorVariables })
      : pgbench && engine.url
        ? pgbenchTps(pgbench, engine.url, {
            script: ONE_ACT_SCRIPT,
            clients,
            seconds: SECONDS,
            variables: anchorVariables,
          })
        : Number.NaN

  /** `clients` loops running `work` (answering the steps it took) for SECONDS: steps/s, runs/s. */
  const loops = async (clients: number, work: () => Promise<number>) => {
    const deadline = performance.now() + SECONDS * 1000
    let steps = 0
    let runs = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          // Read the count after the await: `steps += await …` would add to a stale total.
          const taken = await work()
          steps += taken
          runs += 1
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    return { steps: steps / seconds, runs: runs / seconds }
  }
  const figures = new Map<number, Figures>(
    CLIENTS.map((c) => [
      c,
      { tpcb: [], anchor: [], documents: [], registerSteps: [], flowSteps: [] },
    ]),
  )
  const loads: string[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    loads.push(loadAverage())
    for (const clients of CLIENTS) {
      const f = figures.get(clients) as Figures
      f.tpcb.push(await tpcb(clients))
      const registered = await loops(clients, async () => {
        const id = await submit()
        await step(id, flow.after[0] as Step)
        return 2
      })
      f.documents.push(registered.runs)
      f.registerSteps.push(registered.steps)
      f.anchor.push(await anchor(clients))
      const flows = await loops(clients, async () => {
        const id = await submit()
        for (const s of flow.after) await step(id, s)
        return 1 + flow.after.length
      })
      f.flowSteps.push(flows.steps)
    }
  }
  loads.push(loadAverage())

  // CPU per act by layer: one client, PROFILE_FLOWS full flows.
  const actsProfiled = PROFILE_FLOWS * (1 + flow.after.length)
  const backendsBefore =
    engine.kind === 'server' ? await backendCpu(db as Kysely<never>) : undefined
  clock.reset()
  for (let n = 0; n < PROFILE_FLOWS; n += 1) {
    const id = await submit()
    for (const s of flow.after) await step(id, s)
  }
  clock.switchTo('rest')
  const actSpent = { ...clock.spent }
  // The same split for signed-in reads and the bare server (no session, no SQL).
  const reads: { path: string; spent: typeof actSpent }[] = []
  const reader = await as('zs-secretariat')
  for (const path of READ_PATHS) {
    for (let n = 0; n < 10; n += 1) await reader.get(path)
    clock.reset()
    for (let n = 0; n < PROFILE_READS; n += 1) await reader.get(path)
    clock.switchTo('rest')
    reads.push({ path, spent: { ...clock.spent } })
  }
  const backendSeconds =
    engine.kind === 'server'
      ? backendDelta(backendsBefore, await backendCpu(db as Kysely<never>))
      : undefined
  await server.close()

  console.log(
    `${engine.label}  (${ROUNDS} rounds × ${SECONDS} s each, medians; load ${loads.join(' → ')})`,
  )
  console.log(
    '  clients   TPC-B/s  anchor/s    docs/s  steps/s¹  steps/s²  ¹÷TPC-B  ²÷TPC-B  ¹÷anchor  ²÷anchor',
  )
  for (const clients of CLIENTS) {
    const f = figures.get(clients) as Figures
    const t = median(f.tpcb)
    const a = median(f.anchor)
    const r = median(f.registerSteps)
    const s = median(f.flowSteps)
    console.log(
      `  ${String(clients).padStart(7)}  ${fixed(t)}  ${fixed(a)}  ${fixed(median(f.documents), 1)}  ${fixed(r, 1)}  ${fixed(s, 1)}` +
        `  ${fixed(r / t, 3)} ${fixed(s / t, 3)}  ${fixed(r / a, 3)}  ${fixed(s / a, 3)}`,
    )
  }
  console.log(
    '  ¹ steps of 报送 + 签收登记 (2 per document)  ² steps of the full incoming flow (9 per flow)',
  )
  console.log('  targets (issue 14): steps/s ≥ 0.35 of TPC-B and ≥ 0.5 of the anchor')
  const total = perAct.reduce((sum, act) => sum + act.count, 0)
  console.log(
    `  statements per act (driver-counted, whole request)  mean ${(total / perAct.length).toFixed(1)}, max ${Math.max(...perAct.map((a) => a.count))}: ` +
      perAct.map((a) => `${a.act} ${a.count}`).join(', '),
  )
  const processMs = LAYERS.reduce((sum, layer) => sum + actSpent[layer], 0) / 1000
  console.log(
    `  CPU per act, one client, ${actsProfiled} acts (${PROFILE_FLOWS} flows): process ${(processMs / actsProfiled).toFixed(2)} ms` +
      (backendSeconds === undefined
        ? engine.kind === 'embedded'
          ? ' (PGlite runs in the process, under SQL client)'
          : ' (backends unreadable: not on this machine)'
        : `, PostgreSQL backends ${((backendSeconds * 1000) / actsProfiled).toFixed(2)} ms`),
  )
  for (const layer of LAYERS)
    console.log(
      `    ${LAYER_LABELS[layer].padEnd(40)} ${(actSpent[layer] / 1000 / actsProfiled).toFixed(2).padStart(6)} ms  ${((actSpent[layer] / 1000 / processMs) * 100).toFixed(0).padStart(3)} %`,
    )
  for (const read of reads) {
    const total = LAYERS.reduce((sum, layer) => sum + read.spent[layer], 0) / 1000
    console.log(
      `  CPU per GET ${read.path} (${PROFILE_READS}, one client): ${(total / PROFILE_READS).toFixed(2)} ms — ` +
        LAYERS.map(
          (layer) => `${layer} ${(read.spent[layer] / 1000 / PROFILE_READS).toFixed(2)}`,
        ).join(', '),
    )
  }
}

console.log(machineLine())
console.log(
  `workflow steps at the database's pace: clients ${CLIENTS.join(', ')}; server, HTTP clients and (on PostgreSQL) pgbench share the machine\n`,
)
await onEachEngine('ratios', measure)
