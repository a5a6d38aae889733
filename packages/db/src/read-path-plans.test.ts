import assert from 'node:assert/strict'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { Viewer } from '@zhengling/app'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely'
import { createDocumentRepository } from './document-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import {
  generateScaleData,
  scaleDepartmentId,
  scaleJurisdictionId,
  scalePostId,
} from './scale-data.ts'
import type { Database } from './schema.ts'
import { createSupervisionRepository } from './supervision-repository.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

// EXPLAIN snapshots of the hot read queries (issue 14, part 3): each query is built by its
// repository (captured, not copied), EXPLAINed on a seeded database with sequential scans
// priced out (so a plan shows which indexes CAN serve it, whatever the table sizes here), and
// reduced to node types, relations and index names. A Seq Scan over a big table fails; any
// other change of plan fails against the checked-in snapshot (one per engine: PostgreSQL's
// major version, or PGlite). UPDATE_PLAN_SNAPSHOTS=1 rewrites the snapshot after a deliberate
// change — look at the diff.

const SNAPSHOT = new URL('./read-path-plans.snapshot.json', import.meta.url)
const BIG_TABLES = ['documents', 'document_tasks', 'supervision_items', 'supervision_item_tallies']

let handle: DatabaseHandle & { owner: DatabaseHandle['db'] }
let engine: string
before(async () => {
  handle = await openTestDatabase({ role: 'owner' })
  await generateScaleData(handle.db, { documents: 2000, ledgerItems: 2000, jurisdictions: 3 })
  const { rows } = await sql<{
    v: string
  }>`select current_setting('server_version_num') as v`.execute(handle.db)
  engine = process.env.ZHENGLING_TEST_DATABASE_URL
    ? `postgresql-${Math.floor(Number(rows[0]?.v) / 10000)}`
    : 'pglite'
})
after(() => handle.close())

const viewer: Viewer = {
  jurisdictionId: scaleJurisdictionId('scale', 1),
  postIds: [scalePostId('scale', 1, 4)],
  departmentIds: [scaleDepartmentId('scale', 1, 4)],
  clearance: 'secret',
}

/** The statements a repository call sends, captured by a database that answers nothing. */
async function captured(
  call: (db: Kysely<Database>) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = []
  const connection: DatabaseConnection = {
    async executeQuery(query) {
      queries.push(query)
      return { rows: [{}] as never[] }
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('not streamed')
    },
  }
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection
    },
    async beginTransaction() {},
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  }
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })
  // The mapping of the empty answer may throw; the statement is captured by then.
  await call(db).catch(() => undefined)
  return queries
}

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

function outline(node: PlanNode, depth = 0): string[] {
  const line =
    '  '.repeat(depth) +
    node['Node Type'] +
    (node['Index Name'] ? ` using ${node['Index Name']}` : '') +
    (node['Relation Name'] ? ` on ${node['Relation Name']}` : '')
  return [line, ...(node.Plans ?? []).flatMap((child) => outline(child, depth + 1))]
}

async function planOf(query: CompiledQuery): Promise<string[]> {
  return handle.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx)
    const result = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
    )
    const raw = result.rows[0]?.['QUERY PLAN']
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[]
    return outline(plan[0]!.Plan)
  })
}

const HOT_QUERIES: Record<string, (db: Kysely<Database>) => Promise<unknown>> = {
  inbox: (db) => createDocumentRepository(db).inbox(viewer, { limit: 50 }),
  search: (db) => createDocumentRepository(db).search(viewer, '防汛 东乡', { limit: 50 }),
  dashboard: (db) =>
    createSupervisionRepository(db).dashboard(viewer, {
      today: '2026-06-15',
      weekEnd: '2026-06-21',
    }),
}

describe('the hot read queries keep their plans', () => {
  it('no sequential scan over a big table, and the plans of the snapshot', async () => {
    const plans: Record<string, string[][]> = {}
    for (const [name, call] of Object.entries(HOT_QUERIES)) {
      const queries = await captured(call)
      assert.ok(queries.length > 0, `${name} sent no statement`)
      plans[name] = []
      for (const query of queries) {
        const plan = await planOf(query)
        for (const line of plan)
          for (const table of BIG_TABLES)
            assert.ok(
              !line.trim().startsWith(`Seq Scan on ${table}`),
              `${name}: ${line.trim()}\n${plan.join('\n')}`,
            )
        plans[name].push(plan)
      }
    }
    const snapshots = existsSync(SNAPSHOT)
      ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, typeof plans>)
      : {}
    if (process.env.UPDATE_PLAN_SNAPSHOTS === '1') {
      snapshots[engine] = plans
      writeFileSync(SNAPSHOT, `${JSON.stringify(snapshots, null, 2)}\n`)
    }
    assert.ok(
      snapshots[engine],
      `no plan snapshot for ${engine}: run once with UPDATE_PLAN_SNAPSHOTS=1 and check it in`,
    )
    assert.deepEqual(plans, snapshots[engine])
  })
})
