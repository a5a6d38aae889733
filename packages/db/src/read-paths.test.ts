import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { canSee, type SecrecyLevel, type Viewer } from '@zhengling/app'
import { type Selectable, sql } from 'kysely'
import { accessQuery, createDocumentRepository } from './document-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import type { Database } from './schema.ts'
import {
  generateScaleData,
  SCALE_TOPICS,
  scaleDepartmentId,
  scaleJurisdictionId,
  scalePostId,
} from './scale-data.ts'
import { createSupervisionRepository } from './supervision-repository.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

// Issue 14, part 3: the inbox, search and dashboard read along indexes and tallies (migration
// 0034) and answer exactly what the plain rule over all rows answers: each is checked here
// against a reference computed in the test from every row (canSee, the sort, the sums), for
// viewers enumerated over jurisdictions, units and clearances — and the dashboard again after
// items are inserted, moved, closed, reopened, reclassified and deleted (the tallies' trigger).

const J = 3
const D = 6
const TODAY = '2026-06-15'
const WEEK_END = '2026-06-21'
const CLEARANCES: SecrecyLevel[] = ['public', 'internal', 'secret', 'confidential']

let handle: DatabaseHandle & { owner: DatabaseHandle['db'] }
before(async () => {
  handle = await openTestDatabase({ role: 'owner' })
  await generateScaleData(handle.db, {
    documents: 1500,
    ledgerItems: 1500,
    jurisdictions: J,
    departments: D,
    today: TODAY,
  })
})
after(() => handle.close())

/** A unit head's viewer (the head post and its unit), or a second post and unit with it. */
function viewers(): Viewer[] {
  const all: Viewer[] = []
  for (let j = 1; j <= J; j += 1)
    for (let d = 1; d <= D; d += 2)
      for (const clearance of CLEARANCES)
        all.push({
          jurisdictionId: scaleJurisdictionId('scale', j),
          postIds:
            d === 3
              ? [scalePostId('scale', j, d), scalePostId('scale', j, d + 1)]
              : [scalePostId('scale', j, d)],
          departmentIds: [scaleDepartmentId('scale', j, d)],
          clearance,
        })
  return all
}

const protectedOf = (row: {
  jurisdiction_id: string
  secrecy: SecrecyLevel
  distribution_posts: string[]
  distribution_departments: string[]
}) => ({
  jurisdictionId: row.jurisdiction_id,
  secrecy: row.secrecy,
  distributionPosts: row.distribution_posts,
  distributionDepartments: row.distribution_departments,
})
const day = (value: unknown) =>
  value === null ? null : typeof value === 'string' ? value : (value as Date).toISOString()

describe('read paths answer what the rule over every row answers', () => {
  it('the inbox: each desk its visible open tasks, due first, then oldest, a page of them', async () => {
    const documents = await handle.db.selectFrom('documents').selectAll().execute()
    const byId = new Map(documents.map((row) => [row.id, row]))
    const open = await handle.db
      .selectFrom('document_tasks')
      .selectAll()
      .where('closed_at', 'is', null)
      .execute()
    const repository = createDocumentRepository(handle.db)
    let nonEmpty = 0
    for (const viewer of viewers())
      for (const limit of [1, 5, 50]) {
        const expected = open
          .filter(
            (task) =>
              task.jurisdiction_id === viewer.jurisdictionId &&
              ((task.assignee_post_id && viewer.postIds.includes(task.assignee_post_id)) ||
                (task.assignee_department_id &&
                  viewer.departmentIds.includes(task.assignee_department_id))) &&
              canSee(viewer, protectedOf(byId.get(task.document_id)!)),
          )
          .map((task) => `${task.due_date ?? '~'}|${new Date(task.opened_at).toISOString()}`)
          .sort()
          .slice(0, limit)
        const answer = await repository.inbox(viewer, { limit })
        assert.deepEqual(
          answer.map((entry) => `${entry.task.dueDate ?? '~'}|${entry.task.openedAt}`),
          expected,
        )
        if (answer.length) nonEmpty += 1
      }
    assert.ok(nonEmpty > 20, `only ${nonEmpty} inboxes had tasks`)
  })

  it('search: the visible matches, and no words no matches', async () => {
    const repository = createDocumentRepository(handle.db)
    let found = 0
    for (const [n, viewer] of viewers().entries()) {
      const words = n % 3 ? SCALE_TOPICS[n % SCALE_TOPICS.length]! : `工作 ${SCALE_TOPICS[n % 7]}`
      const matches = await handle.db
        .selectFrom('documents')
        .selectAll()
        .where(sql<boolean>`search @@ plainto_tsquery('simple', ${words})`)
        .execute()
      const expected = matches
        .filter((row) => canSee(viewer, protectedOf(row)))
        .map((row) => row.id)
        .sort()
      const answer = await repository.search(viewer, words, { limit: 10_000 })
      assert.deepEqual(answer.map((row) => row.id).sort(), expected, `${words} ${viewer.clearance}`)
      found += answer.length
    }
    assert.ok(found > 100)
    // Words the parser drops (punctuation only) ask for nothing, as before.
    assert.deepEqual(await repository.search(viewers()[0]!, '，。！', { limit: 50 }), [])
  })

  it('the access query quotes what it is given', () => {
    const query = accessQuery({
      jurisdictionId: "o'brien\\",
      postIds: [],
      departmentIds: [],
      clearance: 'public',
    })
    assert.equal(query, `'#j:o''brien\\\\' & ('#s:public') & ('#all')`)
  })

  it('the dashboard: totals, units and the twelve months, through inserts, moves and deletes', async () => {
    await compareDashboards('as generated')
    // Move items across every counted column, in one statement each, then delete some.
    const changes = [
      sql`update supervision_items set state = 'closed', closed_on = ${TODAY}, days_late = 3
          where state = 'open' and hashtext(id::text) % 5 = 0`,
      sql`update supervision_items set state = 'open', closed_on = null, days_late = null
          where state = 'closed' and hashtext(id::text) % 7 = 0`,
      sql`update supervision_items set due_date = due_date + 9 where hashtext(id::text) % 4 = 0`,
      sql`update supervision_items set lead_department_id = ${scaleDepartmentId('scale', 1, 2)}
          where jurisdiction_id = ${scaleJurisdictionId('scale', 1)} and hashtext(id::text) % 3 = 0`,
      sql`update supervision_items set secrecy = 'secret',
            distribution_posts = array[${scalePostId('scale', 2, 1)}]::uuid[]
          where jurisdiction_id = ${scaleJurisdictionId('scale', 2)} and hashtext(id::text) % 6 = 0`,
      sql`update supervision_items set assigned_on = assigned_on - 40, days_late = 0
          where state = 'closed' and hashtext(id::text) % 8 = 1`,
      sql`update supervision_items set title = title || '（续）', remind_on = remind_on + 1`,
      sql`delete from supervision_items where hashtext(id::text) % 9 = 0`,
    ]
    for (const change of changes) await change.execute(handle.db)
    await compareDashboards('after the changes')
    // Tallies that reached zero are gone: as many rows as distinct keys.
    const { rows } = await sql<{ zero: number }>`
      select count(*)::int as zero from supervision_item_tallies where items = 0`.execute(handle.db)
    assert.equal(rows[0]?.zero, 0)
  })
})

async function compareDashboards(when: string) {
  const items = await handle.db.selectFrom('supervision_items').selectAll().execute()
  const departments = await handle.db.selectFrom('departments').selectAll().execute()
  const repository = createSupervisionRepository(handle.db)
  for (const viewer of viewers())
    for (const departmentId of [undefined, viewer.departmentIds[0]]) {
      const query = { today: TODAY, weekEnd: WEEK_END, departmentId }
      const answer = await repository.dashboard(viewer, query)
      const seen = items.filter(
        (item) =>
          canSee(viewer, protectedOf(item)) &&
          (!departmentId || item.lead_department_id === departmentId),
      )
      assert.deepEqual(answer, expectedDashboard(seen, departments, query), `${when}`)
    }
}

type Item = Selectable<Database['supervision_items']>

function expectedDashboard(
  items: Item[],
  departments: { id: string; name: string }[],
  query: { today: string; weekEnd: string },
) {
  const figures = (of: Item[]) => {
    const open = of.filter((item) => item.state !== 'closed')
    const closed = of.filter((item) => item.state === 'closed')
    return {
      open: open.length,
      overdue: open.filter((item) => day(item.due_date)! < query.today).length,
      closed: closed.length,
      closedOnTime: closed.filter((item) => item.days_late === 0).length,
    }
  }
  const late = items.filter((item) => (item.days_late ?? 0) > 0)
  const average = late.length
    ? late.reduce((total, item) => total + (item.days_late ?? 0), 0) / late.length
    : null
  const names = new Map(departments.map((row) => [row.id, row.name]))
  const units = [...new Set(items.map((item) => item.lead_department_id))]
    .map((id) => ({
      departmentId: id,
      departmentName: names.get(id)!,
      ...figures(items.filter((item) => item.lead_department_id === id)),
    }))
    .sort((a, b) => (a.departmentName < b.departmentName ? -1 : 1))
  const months: string[] = []
  const [year, month] = [Number(query.today.slice(0, 4)), Number(query.today.slice(5, 7))]
  for (let back = 11; back >= 0; back -= 1)
    months.push(new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 7))
  const monthOf = (value: unknown) => day(value)?.slice(0, 7)
  const { open, overdue, closed, closedOnTime } = figures(items)
  return {
    open,
    dueThisWeek: items.filter(
      (item) =>
        item.state !== 'closed' &&
        day(item.due_date)! >= query.today &&
        day(item.due_date)! <= query.weekEnd,
    ).length,
    overdue,
    closed,
    closedOnTime,
    averageDaysLate: average === null ? null : Math.round(average * 10) / 10,
    byDepartment: units,
    trend: months.map((m) => {
      const closedThen = items.filter(
        (item) => item.state === 'closed' && monthOf(item.closed_on) === m,
      )
      return {
        month: m,
        assigned: items.filter((item) => monthOf(item.assigned_on) === m).length,
        closed: closedThen.length,
        closedLate: closedThen.filter((item) => (item.days_late ?? 0) > 0).length,
      }
    }),
  }
}
