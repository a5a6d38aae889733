/**
 * The database's own pace, as anchors for the app's (ADR 0031): pgbench's TPC-B and the one-act
 * script (one-act.pgbench.sql). On a PostgreSQL server they run in pgbench itself; on the
 * embedded database (no pgbench, one connection) the same script files run in process, each
 * client's transaction holding the one connection from BEGIN to END.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import type { Database } from '@zhengling/db'
import { type Kysely, sql } from 'kysely'

const run = promisify(execFile)
const here = import.meta.dirname
export const TPCB_SCRIPT = join(here, 'tpcb-like.pgbench.sql')
export const ONE_ACT_SCRIPT = join(here, 'one-act.pgbench.sql')
/** Documents in the anchor's copy of the table: the act picks one at random. */
export const ANCHOR_DOCUMENTS = 10_000

/** pgbench: PGBENCH, else on the PATH, else in Debian's /usr/lib/postgresql/<n>/bin. */
export function findPgbench(): string | undefined {
  if (process.env.PGBENCH) return process.env.PGBENCH
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench')
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian))
    for (const version of readdirSync(debian).sort().reverse())
      if (existsSync(join(debian, version, 'bin', 'pgbench')))
        return join(debian, version, 'bin', 'pgbench')
  return undefined
}

/** `pgbench -i -s scale` on the database `url` names (its own scratch database). */
export async function initTpcb(pgbench: string, url: string, scale: number): Promise<void> {
  await run(pgbench, ['-i', '-q', '-s', String(scale), url], { maxBuffer: 1 << 24 })
}

/** Transactions per second of `script` at `clients` for `seconds`, in pgbench. */
export async function pgbenchTps(
  pgbench: string,
  url: string,
  options: {
    script: string
    clients: number
    seconds: number
    scale?: number
    vacuum?: boolean
    /** Script variables (`-D name=value`), e.g. the anchor's `documents`. */
    variables?: Record<string, number>
  },
): Promise<number> {
  const args = [
    ...Object.entries(options.variables ?? {}).flatMap(([name, value]) => [
      '-D',
      `${name}=${value}`,
    ]),
    '-f',
    options.script,
    '-c',
    String(options.clients),
    '-j',
    String(Math.min(options.clients, 2)),
    '-T',
    String(options.seconds),
    '-s',
    String(options.scale ?? 1),
    ...(options.vacuum ? [] : ['-n']),
    url,
  ]
  const { stdout } = await run(pgbench, args, { maxBuffer: 1 << 24 })
  const tps = /tps = ([\d.]+)/.exec(stdout)
  const failed = /number of failed transactions: (\d+)/.exec(stdout)
  if (!tps) throw new Error(`pgbench answered no tps:\n${stdout}`)
  if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: ${failed[1]} failed transactions`)
  return Number(tps[1])
}

interface Script {
  sets: { name: string; low: string; high: string }[]
  statements: string[]
}

/** A pgbench script file read for the in-process runner: `\set x random(a, b)` and statements. */
export function parseScript(path: string): Script {
  const sets: Script['sets'] = []
  const statements: string[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const text = line.trim()
    if (!text || text.startsWith('--')) continue
    const set = /^\\set (\w+) random\((.+),(.+)\)$/.exec(text)
    if (set) sets.push({ name: set[1] ?? '', low: set[2] ?? '', high: set[3] ?? '' })
    else if (text.startsWith('\\')) throw new Error(`unsupported meta-command: ${text}`)
    else statements.push(text.replace(/;$/, ''))
  }
  return { sets, statements }
}

/** An integer expression of the scripts: products of integers and variables (`100000 * :scale`). */
function evaluate(expression: string, variables: Map<string, number>): number {
  return expression
    .split('*')
    .map((factor) => factor.trim())
    .reduce((product, factor) => {
      const value = factor.startsWith(':') ? variables.get(factor.slice(1)) : Number(factor)
      if (value === undefined || Number.isNaN(value)) throw new Error(`bad factor ${factor}`)
      return product * value
    }, 1)
}

/**
 * Runs `script` in process as `clients` concurrent loops for `seconds` on the embedded database:
 * each transaction takes the one connection for itself. Answers transactions per second.
 */
export async function inProcessTps(
  db: Kysely<Database>,
  script: Script,
  options: {
    clients: number
    seconds: number
    scale?: number
    variables?: Record<string, number>
  },
): Promise<number> {
  const deadline = performance.now() + options.seconds * 1000
  let done = 0
  const client = async () => {
    while (performance.now() < deadline) {
      const variables = new Map<string, number>([
        ['scale', options.scale ?? 1],
        ...Object.entries(options.variables ?? {}),
      ])
      for (const set of script.sets) {
        const low = evaluate(set.low, variables)
        const high = evaluate(set.high, variables)
        variables.set(set.name, low + Math.floor(Math.random() * (high - low + 1)))
      }
      const bound = script.statements.map((statement) =>
        statement.replace(/:(\w+)/g, (whole, name: string) =>
          variables.has(name) ? String(variables.get(name)) : whole,
        ),
      )
      await db.connection().execute(async (connection) => {
        for (const statement of bound) await sql.raw(statement).execute(connection)
      })
      done += 1
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: options.clients }, client))
  return done / ((performance.now() - started) / 1000)
}

/** pgbench -i's tables at `scale` (fillfactor 100, as pgbench makes them), set-based, in process. */
export async function initTpcbInProcess(db: Kysely<Database>, scale: number): Promise<void> {
  await sql`drop table if exists pgbench_accounts, pgbench_branches, pgbench_tellers, pgbench_history`.execute(
    db,
  )
  await sql`create table pgbench_branches (bid int not null primary key, bbalance int, filler char(88))`.execute(
    db,
  )
  await sql`create table pgbench_tellers (tid int not null primary key, bid int, tbalance int, filler char(84))`.execute(
    db,
  )
  await sql`create table pgbench_accounts (aid int not null primary key, bid int, abalance int, filler char(84))`.execute(
    db,
  )
  await sql`create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))`.execute(
    db,
  )
  await sql`insert into pgbench_branches select b, 0 from generate_series(1, ${scale}) as b`.execute(
    db,
  )
  await sql`insert into pgbench_tellers select t, (t - 1) / 10 + 1, 0 from generate_series(1, ${10 * scale}) as t`.execute(
    db,
  )
  await sql`insert into pgbench_accounts select a, (a - 1) / 100000 + 1, 0, '' from generate_series(1, ${100_000 * scale}) as a`.execute(
    db,
  )
  await sql`vacuum analyze pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history`.execute(
    db,
  )
}

const ANCHOR_TABLES = [
  'documents',
  'document_tasks',
  'jobs',
  'notifications',
  'document_events',
  'audit_chain_heads',
  'audit_records',
] as const

/**
 * The anchor's tables (schema `anchor`): copies of the real ones with their indexes, filled with
 * `documents` (ANCHOR_DOCUMENTS; the script draws from that many) cloned from the app's first
 * document (so every column holds what the app writes), one open task each (on the post that
 * made it), and one audit head per jurisdiction.
 */
export async function prepareAnchor(
  db: Kysely<Database>,
  documents = ANCHOR_DOCUMENTS,
): Promise<void> {
  await sql`drop schema if exists anchor cascade`.execute(db)
  await sql`create schema anchor`.execute(db)
  for (const table of ANCHOR_TABLES)
    await sql`create table ${sql.id('anchor', table)} (like ${sql.id('public', table)} including all)`.execute(
      db,
    )
  await sql`alter table anchor.documents add column n int`.execute(db)
  await sql`insert into anchor.documents
    select (jsonb_populate_record(null::anchor.documents,
      to_jsonb(d) || jsonb_build_object('id', gen_random_uuid(), 'n', n,
        'receipt_number', null, 'document_number', null))).*
    from (select * from public.documents order by created_at limit 1) as d,
      generate_series(1, ${documents}) as n`.execute(db)
  await sql`create unique index on anchor.documents (n)`.execute(db)
  await sql`insert into anchor.document_tasks (id, document_id, jurisdiction_id, assignee_post_id,
      kind, due_date, opened_at)
    select gen_random_uuid(), id, jurisdiction_id, created_by_post_id, 'register', due_date, now()
    from anchor.documents`.execute(db)
  await sql`insert into anchor.audit_chain_heads (jurisdiction_id, last_seq, last_hash)
    select distinct jurisdiction_id, 0, md5(jurisdiction_id) from anchor.documents`.execute(db)
  await sql`analyze`.execute(db)
}
