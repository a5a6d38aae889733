import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import type { DatabaseHandle } from './open-database.ts'
import { countStatements, statementKind, statementsOf } from './statement-counter.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

let handle: DatabaseHandle
before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

describe('statement counter', () => {
  it('counts each statement by its first keyword, begin and commit included', async () => {
    const { count } = await statementsOf(handle.db, () =>
      handle.db.transaction().execute(async (trx) => {
        await trx.selectFrom('jurisdictions').select('id').execute()
        await sql`select 1`.execute(trx)
        await trx
          .updateTable('jurisdictions')
          .set({ name: sql`name` })
          .where('id', '=', '无此辖区')
          .execute()
      }),
    )
    assert.equal(count.count, 5)
    assert.deepEqual(count.byKind, { begin: 1, select: 2, update: 1, commit: 1 })
  })

  it('counts a rolled-back transaction with its rollback', async () => {
    const { count } = await statementsOf(handle.db, async () => {
      await assert.rejects(
        handle.db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx)
          throw new Error('放弃')
        }),
      )
    })
    assert.deepEqual(count.byKind, { begin: 1, select: 1, rollback: 1 })
  })

  it('keeps the statements when asked, resets and stops', async () => {
    const counter = countStatements(handle.db, { keepSql: true })
    await sql`select 1 as one`.execute(handle.db)
    assert.equal(counter.count, 1)
    assert.deepEqual(counter.statements, ['select 1 as one'])
    counter.reset()
    assert.equal(counter.count, 0)
    assert.deepEqual(counter.statements, [])
    await sql`select 2`.execute(handle.db)
    counter.stop()
    await sql`select 3`.execute(handle.db)
    assert.equal(counter.count, 1)
  })

  it('counts for every counter at once', async () => {
    const first = countStatements(handle.db)
    await sql`select 1`.execute(handle.db)
    const second = countStatements(handle.db)
    await sql`select 2`.execute(handle.db)
    first.stop()
    second.stop()
    assert.equal(first.count, 2)
    assert.equal(second.count, 1)
  })

  it('refuses a handle that does not count', () => {
    assert.throws(() => countStatements({}), /不计语句/)
  })

  it('names a statement by its first keyword', () => {
    const cases: [string, string][] = [
      ['select 1', 'select'],
      ['  INSERT into x values (1)', 'insert'],
      ['(select 1) union (select 2)', 'select'],
      ['-- note\nupdate x set y = 1', 'update'],
      ['/* a */ delete from x', 'delete'],
      ['with a as (select 1) select * from a', 'with'],
      ['start transaction', 'begin'],
      ['', 'other'],
    ]
    for (const [text, kind] of cases) assert.equal(statementKind(text), kind, text)
  })
})
