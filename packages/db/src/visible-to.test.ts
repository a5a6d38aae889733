import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { SecrecyError } from '@zhengling/app'
import {
  canSee,
  parseSecrecyLevel,
  type Protected,
  SECRECY_LEVELS,
  type Viewer,
} from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { DatabaseHandle } from './open-database.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'
import { visibleTo } from './visible-to.ts'

interface TestRecord extends Protected {
  id: string
  title: string
}

let handle: DatabaseHandle
// The protected-table shape every module's tables will share; a test table stands in for them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: Kysely<any>
before(async () => {
  const opened = await openTestDatabase()
  handle = opened
  db = handle.db
  // The owner creates the table (the application role may not); the test reads as the app.
  await sql`create table protected_test_records (
    id uuid primary key, jurisdiction_id text not null, secrecy text not null,
    distribution_posts uuid[] not null, distribution_departments uuid[] not null, title text not null)`.execute(
    opened.owner,
  )
})
after(() => handle.close())

const id = () => randomUUID()
const [A, B] = ['countyA', 'countyB']
const dept = { d1: id(), d2: id() }
const post = { p1: id(), p2: id(), p3: id(), q1: id() }
const departmentOf: Record<string, string | undefined> = { [post.p1]: dept.d1, [post.p2]: dept.d2 }

function buildViewers(): Viewer[] {
  const postSets = [[], [post.p1], [post.p2, post.p3], [post.q1]]
  return [A, B].flatMap((jurisdictionId) =>
    postSets.flatMap((postIds) =>
      SECRECY_LEVELS.map((clearance) => ({
        jurisdictionId,
        postIds,
        departmentIds: postIds.flatMap((p) => departmentOf[p] ?? []),
        clearance,
      })),
    ),
  )
}

function buildRecords(): TestRecord[] {
  const distributions: [string[], string[]][] = [
    [[], []],
    [[post.p1], []],
    [[], [dept.d2]],
    [[post.q1], []],
    [[post.p3], [dept.d1]],
  ]
  return [A, B].flatMap((jurisdictionId) =>
    SECRECY_LEVELS.flatMap((secrecy) =>
      distributions.map(([distributionPosts, distributionDepartments], n) => ({
        id: id(),
        jurisdictionId,
        secrecy,
        distributionPosts,
        distributionDepartments,
        title: `${jurisdictionId} ${secrecy} 分发${n} 关键字`,
      })),
    ),
  )
}

describe('access control in the data-access layer', () => {
  it('refuses 绝密 at input and names the four levels', () => {
    assert.throws(
      () => parseSecrecyLevel('绝密'),
      (error: SecrecyError) => error.code === 'TOP_SECRET_REFUSED',
    )
    assert.equal(parseSecrecyLevel('工作秘密'), 'internal')
    assert.throws(
      () => parseSecrecyLevel('普通'),
      (error: SecrecyError) => error.code === 'UNKNOWN_SECRECY_LEVEL',
    )
  })

  it('matrix: viewers × secrecy × distribution × jurisdiction × read/list/search/update, zero leaks', async () => {
    const viewers = buildViewers()
    const records = buildRecords()
    await db
      .insertInto('protected_test_records')
      .values(
        records.map((r) => ({
          id: r.id,
          jurisdiction_id: r.jurisdictionId,
          secrecy: r.secrecy,
          distribution_posts: sql`${sql.val(r.distributionPosts)}::uuid[]`,
          distribution_departments: sql`${sql.val(r.distributionDepartments)}::uuid[]`,
          title: r.title,
        })),
      )
      .execute()
    let checks = 0
    const mismatches: string[] = []
    const note = (operation: string, viewer: Viewer, record: TestRecord, got: boolean) => {
      checks += 1
      if (got !== canSee(viewer, record)) {
        mismatches.push(
          `${operation}: ${viewer.jurisdictionId}/${viewer.clearance}/${viewer.postIds.length} → ${record.title}: ${got}`,
        )
      }
    }
    for (const viewer of viewers) {
      const listed = new Set(
        (
          await db
            .selectFrom('protected_test_records')
            .select('id')
            .where(visibleTo(viewer))
            .execute()
        ).map((r) => r.id),
      )
      const found = new Set(
        (
          await db
            .selectFrom('protected_test_records')
            .select('id')
            .where('title', 'like', '%关键字%')
            .where(visibleTo(viewer))
            .execute()
        ).map((r) => r.id),
      )
      for (const record of records) {
        note('list', viewer, record, listed.has(record.id))
        note('search', viewer, record, found.has(record.id))
        const read = await db
          .selectFrom('protected_test_records')
          .select('id')
          .where('id', '=', record.id)
          .where(visibleTo(viewer))
          .executeTakeFirst()
        note('read', viewer, record, read !== undefined)
        // An update through the same filter changes nothing the viewer may not see (rolled back: the rows stay as they are).
        await db
          .transaction()
          .execute(async (trx) => {
            const result = await trx
              .updateTable('protected_test_records')
              .set({ title: sql`title` })
              .where('id', '=', record.id)
              .where(visibleTo(viewer))
              .executeTakeFirst()
            note('update', viewer, record, Number(result.numUpdatedRows) === 1)
            throw new Error('rollback')
          })
          .catch(() => undefined)
      }
    }
    assert.deepEqual(mismatches, [])
    assert.equal(checks, viewers.length * records.length * 4)
    // The matrix is not trivially all-visible or all-hidden.
    const visible = viewers.flatMap((v) => records.filter((r) => canSee(v, r))).length
    assert.ok(visible > 0 && visible < viewers.length * records.length)
  })
})
