/**
 * Documents benchmark, through the HTTP API on the embedded database and (with
 * ZHENGLING_BENCH_DATABASE_URL) on a PostgreSQL server: inbox and full-text search p50/p95 with
 * BENCH_DOCUMENTS (default 100,000; the issue's figure is 1,000,000) documents and as many open
 * tasks in the database, the signed-in desk holding ~1% of them. Acts per second, against
 * pgbench, are ratios.bench.ts's; read paths across sizes, scale.bench.ts's.
 * One process holds server and client, so both share the machine's two cores.
 */
import { performance } from 'node:perf_hooks'
import { seedDemoJurisdiction } from '@zhengling/db'
import { sql } from 'kysely'
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

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000)

async function measure(engine: BenchEngine) {
  const db = engine.handle.db
  await seedDemoJurisdiction(db, { now: () => new Date(), passwords: benchPasswords })
  const server = await startBenchServer(db)

  // Bulk history: documents of the jurisdiction with one open task each, 1% on the desk's post.
  const postId = async (title: string) =>
    (await db.selectFrom('posts').select('id').where('title', '=', title).executeTakeFirstOrThrow())
      .id
  const desk = await postId('区人民政府办公室秘书股股长')
  const other = await postId('区长')
  const started = performance.now()
  const words = ['防汛', '预算', '教育', '改造', '安全', '生产', '检查', '资金', '招商', '环保']
  await sql`
    insert into documents (id, jurisdiction_id, direction, kind, title, body, secrecy, state,
      due_date, distribution_posts, distribution_departments, created_at, updated_at, search)
    select gen_random_uuid(), 'zhongshan', 'incoming', '报告',
      '关于' || (${sql.val(words)}::text[])[1 + n % 10] || '工作第' || n || '号的报告', '',
      'internal', 'referred', date '2026-01-01' + (n % 300),
      array[case when n % 100 = 0 then ${desk}::uuid else ${other}::uuid end], '{}', now(), now(),
      to_tsvector('simple', '关于 ' || (${sql.val(words)}::text[])[1 + n % 10] || ' 工作 第 ' || n || ' 号 的 报告')
    from generate_series(1, ${DOCUMENTS}) as n`.execute(db)
  await sql`
    insert into document_tasks (id, document_id, jurisdiction_id, assignee_post_id, kind, due_date, opened_at)
    select gen_random_uuid(), id, jurisdiction_id, distribution_posts[1], 'handle', due_date, now()
    from documents where body = '' and kind = '报告'`.execute(db)
  await sql`analyze`.execute(db)
  const loadSeconds = (performance.now() - started) / 1000

  const secretariat = await signIn(server.base, 'zs-secretariat')
  const inbox = await percentiles(100, 0, () => secretariat.get('/api/inbox?limit=50'))
  const search = await percentiles(100, 0, (n) =>
    secretariat.get(`/api/documents?q=${encodeURIComponent(`${words[n % 10]}工作`)}`),
  )
  await server.close()
  console.log(`${engine.label}`)
  console.log(
    `  bulk load                ${thousands(DOCUMENTS)} documents + tasks in ${loadSeconds.toFixed(0)} s`,
  )
  console.log(`  inbox (50 of ~${thousands(DOCUMENTS / 100)} open tasks)  ${ms(inbox)}`)
  console.log(`  search (2 words)         ${ms(search)}`)
}

console.log(`${machineLine()}\n`)
await onEachEngine('docs', measure)
