/**
 * Supervision ledger (督查台账) benchmark on the embedded database and (with
 * ZHENGLING_BENCH_DATABASE_URL) on a PostgreSQL server, with BENCH_SUPERVISION_ITEMS (default
 * 500,000) items across BENCH_JURISDICTIONS (default 100) jurisdictions:
 * - the dashboard p50/p95, jurisdiction-wide and for one unit, and the ledger's first page of
 *   overdue items, through the HTTP API as the supervision office of 钟山 (区人民政府督查室主任);
 * - the reminder scan (催办/逾期): items per second while BENCH_SCAN_DUE (default 4% of the items)
 *   are due at once, BENCH_SCAN_LIMIT (default 500) per pass, and one pass when nothing is due
 *   (the steady-state cost of the timer worker's 30-second tick).
 * Items are bulk-loaded with SQL as the scan would have left them up to today: reminded and
 * escalated for their due date where that day has come. One process holds server and client.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { sm3Hasher } from '@zhengling/app'
import { runSupervisionScan, seedDemoJurisdiction } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { addDays, shanghaiDateOf } from '@zhengling/rules'
import { sql } from 'kysely'
import { createRulesPort } from '../src/rules-port.ts'
import {
  benchPasswords,
  type BenchEngine,
  machineLine,
  ms,
  onEachEngine,
  percentiles,
  signIn,
  startBenchServer,
  thousands,
} from './bench-support.ts'

const ITEMS = Number(process.env.BENCH_SUPERVISION_ITEMS ?? 500_000)
const JURISDICTIONS = Number(process.env.BENCH_JURISDICTIONS ?? 100)
const SCAN_DUE = Number(process.env.BENCH_SCAN_DUE ?? Math.round(ITEMS * 0.04))
const SCAN_LIMIT = Number(process.env.BENCH_SCAN_LIMIT ?? 500)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)

// The bulk jurisdictions each need a rulebook in force, as a real one would: they borrow the
// loaded rulebooks in turn (the scan counts working days on each one's calendar).
const library = loadLibrary()
const rulebookCodes = [...library.jurisdictions.keys()]
const benchJurisdictions = Array.from({ length: JURISDICTIONS - 1 }, (_, i) => {
  const borrowed = rulebookCodes[i % rulebookCodes.length] as string
  const versions = library.jurisdictions.get(borrowed) ?? []
  const id = `bench-${String(i + 1).padStart(3, '0')}`
  library.jurisdictions.set(id, versions)
  return { id, version: versions[versions.length - 1]?.book.version ?? '' }
})
const rules = createRulesPort(library)
const UNITS: { name: string; kind: 'department' | 'township' | 'desk'; rulebookPost?: string }[] = [
  { name: '区人民政府办公室', kind: 'desk', rulebookPost: 'governmentOffice' },
  { name: '区发展和改革局', kind: 'department' },
  { name: '区财政局', kind: 'department' },
  { name: '区教育局', kind: 'department' },
  { name: '区司法局', kind: 'department', rulebookPost: 'legalOffice' },
  { name: '区住房和城乡建设局', kind: 'department' },
  { name: '区卫生健康局', kind: 'department' },
  { name: '城关街道', kind: 'township' },
  { name: '新河镇', kind: 'township' },
]
const SOURCES = {
  higherDeployment: '上级重大决策部署',
  workReport: '《政府工作报告》安排部署事项',
  deputySuggestion: '人大代表建议',
  cppccProposal: '政协提案',
  leaderInstruction: '领导批示件',
  fieldRequest: '领导调研、现场办公交办事项',
  issuedDocument: '政府及办公室发文贯彻落实',
  meetingDecision: '会议议定事项',
}
const TOPICS = ['防汛', '预算', '教育', '老旧小区改造', '安全生产', '招商引资', '环保', '就业']

async function measure(engine: BenchEngine) {
  const db = engine.handle.db
  await seedDemoJurisdiction(db, { now: () => new Date(), passwords: benchPasswords })
  const today = shanghaiDateOf(Date.now())

  // Bulk jurisdictions: a government office with its supervision office, and eight units each.
  let started = performance.now()
  for (const jurisdiction of benchJurisdictions) {
    await db
      .insertInto('jurisdictions')
      .values({
        id: jurisdiction.id,
        name: `基准测试${jurisdiction.id.slice(6)}区人民政府`,
        level: 'district',
        rulebook_version: jurisdiction.version,
      })
      .execute()
    const units = UNITS.map((unit) => ({
      id: randomUUID(),
      jurisdiction_id: jurisdiction.id,
      name: unit.name,
      kind: unit.kind,
      rulebook_post: unit.rulebookPost ?? null,
    }))
    await db.insertInto('departments').values(units).execute()
    await db
      .insertInto('posts')
      .values({
        id: randomUUID(),
        jurisdiction_id: jurisdiction.id,
        role: 'supervisionOffice',
        title: '区人民政府督查室主任',
        department_id: units[0]?.id ?? null,
      })
      .execute()
  }
  // Items spread over the jurisdictions in turn (as they are entered over time), each on a unit
  // of its jurisdiction (not the office), due over the past year and the next one. Past due:
  // ~79% closed (a quarter of them late), the rest overdue; due ahead: ~5% closed early, ~3%
  // awaiting the closing review. Followed by the supervision office and the units.
  await db.transaction().execute(async (trx) => {
    await sql`select setseed(0.2026)`.execute(trx)
    await sql`
      insert into supervision_items (id, jurisdiction_id, source, source_label, title, requirement,
        lead_department_id, co_department_ids, responsible_person, assigned_on, due_date,
        original_due_date, state, closed_on, days_late, remind_on, reminded_for, escalated_for,
        secrecy, distribution_posts, distribution_departments, created_at, updated_at)
      select gen_random_uuid(), jurisdiction_id, (${sql.val(Object.keys(SOURCES))}::text[])[source],
        (${sql.val(Object.values(SOURCES))}::text[])[source],
        '关于' || (${sql.val(TOPICS)}::text[])[topic] || '工作的督办事项（第' || n || '号）',
        '按期办结并报送办理结果', lead, co, '', assigned_on, due_date, due_date, state,
        closed_on, days_late, due_date - 4,
        case when due_date - 4 <= ${today}::date then due_date end,
        case when due_date < ${today}::date and (state <> 'closed' or days_late > 0)
          then due_date end,
        'internal', office, array[lead] || co, assigned_on + time '09:00',
        coalesce(closed_on, assigned_on) + time '17:00'
      from (
        select *,
          case when state <> 'closed' then null
            when late then due_date + least(${today}::date - due_date, 1 + floor(u_late * 20)::int)
            when due_date < ${today}::date then greatest(assigned_on, due_date - floor(u_late * 10)::int)
            else greatest(assigned_on, ${today}::date - floor(u_late * 10)::int) end as closed_on,
          case when state <> 'closed' then null
            when late then least(${today}::date - due_date, 1 + floor(u_late * 20)::int)
            else 0 end as days_late
        from (
          select *, ${today}::date + d as due_date,
            -- A co-unit drawn equal to the lead is no co-unit.
            case when co_unit is null or co_unit = lead then '{}'::uuid[]
              else array[co_unit] end as co,
            case when d >= 0 then ${today}::date - floor(u_assigned * 365)::int
              else ${today}::date + d - 15 - floor(u_assigned * 30)::int end as assigned_on,
            case when d < 0 then (case when u_state < 0.79 then 'closed' else 'open' end)
              when u_state < 0.05 then 'closed' when u_state >= 0.97 then 'closeRequested'
              else 'open' end as state,
            d < 0 and u_state < 0.2 as late
          from (
            select n, j.id as jurisdiction_id, j.office,
              j.units[1 + floor(random() * cardinality(j.units))::int] as lead,
              case when random() < 0.3
                then j.units[1 + floor(random() * cardinality(j.units))::int] end as co_unit,
              floor(random() * 685)::int - 320 as d,
              1 + floor(random() * 8)::int as source, 1 + floor(random() * 8)::int as topic,
              random() as u_state, random() as u_assigned, random() as u_late
            from generate_series(0, ${ITEMS - 1}) as n
            join (
              select row_number() over (order by id <> 'zhongshan', id)::int - 1 as idx, id,
                (select array_agg(d.id order by d.name) from departments d
                  where d.jurisdiction_id = jurisdictions.id and d.kind <> 'desk') as units,
                (select array_agg(p.id) from posts p where p.jurisdiction_id = jurisdictions.id
                  and p.role = 'supervisionOffice') as office
              from jurisdictions where id = 'zhongshan' or id like 'bench-%'
            ) as j on j.idx = n % ${JURISDICTIONS}
          ) as drawn
        ) as dated
      ) as closed
    `.execute(trx)
  })
  await sql`analyze`.execute(db)
  const loadSeconds = (performance.now() - started) / 1000
  const spread = await db
    .selectFrom('supervision_items')
    .select([
      sql<number>`count(*)::int`.as('items'),
      sql<number>`count(*) filter (where state = 'closed')::int`.as('closed'),
      sql<number>`count(*) filter (where state = 'closed' and days_late > 0)::int`.as('late'),
      sql<number>`count(*) filter (where state <> 'closed' and due_date < ${today})::int`.as(
        'overdue',
      ),
    ])
    .executeTakeFirstOrThrow()

  const server = await startBenchServer(db, { library })
  // 赵敏 holds two posts; she acts as the supervision office.
  const office = await signIn(server.base, 'zs-deputyOfficeDirector')
  await office.switchTo('区人民政府督查室主任')
  const get = (path: string) => office.get(path) as Promise<Record<string, unknown>>
  const finance = (
    await db
      .selectFrom('departments')
      .select('id')
      .where('jurisdiction_id', '=', 'zhongshan')
      .where('name', '=', '区财政局')
      .executeTakeFirstOrThrow()
  ).id
  const whole = (await get('/api/supervision/dashboard')) as { open: number; overdue: number }
  const unit = (await get(`/api/supervision/dashboard?departmentId=${finance}`)) as {
    open: number
  }
  const overduePage = (await get('/api/supervision/items?state=overdue')) as { total: number }
  const warmUp = Math.max(5, Math.round(REQUESTS / 10))
  const dashboard = await percentiles(REQUESTS, warmUp, () => get('/api/supervision/dashboard'))
  const dashboardUnit = await percentiles(REQUESTS, warmUp, () =>
    get(`/api/supervision/dashboard?departmentId=${finance}`),
  )
  const ledger = await percentiles(REQUESTS, warmUp, () =>
    get('/api/supervision/items?state=overdue'),
  )
  await server.close()

  // The scan: nothing is due today (the load left every item reminded or escalated as due).
  const scanAt = (day: string) => () => new Date(`${day}T04:00:00Z`) // noon in Shanghai
  const idle = await percentiles(20, 3, async () => {
    const sent = await runSupervisionScan(db, { hasher: sm3Hasher, now: scanAt(today), rules }, 100)
    if (sent.reminded + sent.escalated) throw new Error('the idle scan found items due')
  })
  // The first day each open item falls due for a reminder or an escalation; the scan day is the
  // first day by which SCAN_DUE items have, as after a stretch without the worker running.
  const firstDays = await sql<{ day: string; n: number }>`
    select day::text as day, count(*)::int as n from (
      select least(
        case when escalated_for is distinct from due_date then due_date + 1 end,
        case when reminded_for is distinct from due_date then remind_on end) as day
      from supervision_items where state <> 'closed') as due
    where day is not null group by day order by day`.execute(db)
  let scanDay = addDays(today, 1)
  let expected = 0
  for (const row of firstDays.rows) {
    if (row.day <= today) throw new Error(`items already due on ${row.day}`)
    if (expected >= SCAN_DUE) break
    scanDay = row.day
    expected += row.n
  }
  const before = await db
    .selectFrom('audit_records')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  let reminded = 0
  let escalated = 0
  let passes = 0
  started = performance.now()
  for (;;) {
    const sent = await runSupervisionScan(
      db,
      { hasher: sm3Hasher, now: scanAt(scanDay), rules },
      SCAN_LIMIT,
    )
    passes += 1
    reminded += sent.reminded
    escalated += sent.escalated
    if (sent.reminded + sent.escalated === 0) break
  }
  const drainSeconds = (performance.now() - started) / 1000
  const after = await db
    .selectFrom('audit_records')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  if (reminded + escalated !== expected || after.n - before.n !== expected)
    throw new Error(
      `the scan sent ${reminded + escalated} acts and ${after.n - before.n} audit records, expected ${expected}`,
    )
  const idleAfter = await percentiles(20, 3, () =>
    runSupervisionScan(db, { hasher: sm3Hasher, now: scanAt(scanDay), rules }, 100),
  )

  const perJurisdiction = Math.round(ITEMS / JURISDICTIONS)
  console.log(engine.label)
  console.log(
    `  bulk load                ${thousands(ITEMS)} items in ${JURISDICTIONS} jurisdictions in ${loadSeconds.toFixed(0)} s (${((spread.closed / spread.items) * 100).toFixed(0)}% closed, ${((spread.late / spread.items) * 100).toFixed(0)}% closed late, ${((spread.overdue / spread.items) * 100).toFixed(0)}% overdue)`,
  )
  console.log(
    `  dashboard, jurisdiction  ${ms(dashboard)}  (~${thousands(perJurisdiction)} items: ${thousands(whole.open)} open, ${thousands(whole.overdue)} overdue)`,
  )
  console.log(`  dashboard, one unit      ${ms(dashboardUnit)}  (${thousands(unit.open)} open)`)
  console.log(`  ledger, overdue page 1   ${ms(ledger)}  (50 of ${thousands(overduePage.total)})`)
  console.log(
    `  reminder scan            ${thousands(reminded + escalated)} items (${thousands(reminded)} reminders, ${thousands(escalated)} escalations) in ${drainSeconds.toFixed(1)} s = ${((reminded + escalated) / drainSeconds).toFixed(0)} items/s (${passes} passes of ≤${SCAN_LIMIT}, on ${scanDay})`,
  )
  console.log(`  scan pass, nothing due   ${ms(idle)}  (after the drain: ${ms(idleAfter)})`)
}

console.log(`${machineLine()}\n`)
await onEachEngine('supervision', measure)
