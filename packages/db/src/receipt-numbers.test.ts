import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from './open-database.ts'
import { createRepositories } from './repositories.ts'
import { countStatements } from './statement-counter.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

let handle: DatabaseHandle
before(async () => {
  handle = await openTestDatabase()
})
after(() => handle.close())

/** A jurisdiction of its own per test, so sequences never mix. */
async function buildJurisdiction() {
  const id = `j${randomUUID().slice(0, 8)}`
  await handle.db
    .insertInto('jurisdictions')
    .values({ id, name: '测试县人民政府', level: 'county', rulebook_version: 't' })
    .execute()
  return id
}

/** One transaction taking the next 收文编号 serial, as 签收登记 does; `fail` rolls it back. */
function takeOne(jurisdictionId: string, year: number, fail = false) {
  return handle.db.transaction().execute(async (trx) => {
    const { serial } = await createRepositories(trx).documents.nextReceiptNumber(
      jurisdictionId,
      year,
    )
    if (fail) throw new Error('登记撤销')
    return serial
  })
}

describe('收文编号 sequences', () => {
  it('200 concurrent registrations get 200 distinct consecutive serials', async () => {
    const jurisdictionId = await buildJurisdiction()
    const serials = await Promise.all(
      Array.from({ length: 200 }, () => takeOne(jurisdictionId, 2026)),
    )
    assert.deepEqual(
      serials.toSorted((a, b) => a - b),
      Array.from({ length: 200 }, (_, index) => index + 1),
    )
  })

  it('a rolled-back registration leaves no gap; years and jurisdictions count apart', async () => {
    const jurisdictionId = await buildJurisdiction()
    const other = await buildJurisdiction()
    assert.equal(await takeOne(jurisdictionId, 2026), 1)
    await assert.rejects(takeOne(jurisdictionId, 2026, true), /撤销/)
    assert.equal(await takeOne(jurisdictionId, 2026), 2)
    assert.equal(await takeOne(jurisdictionId, 2027), 1)
    assert.equal(await takeOne(other, 2026), 1)
  })

  it('reads the jurisdiction’s own format, and refuses one without {serial}', async () => {
    const jurisdictionId = await buildJurisdiction()
    const { documents, roster } = createRepositories(handle.db)
    assert.equal((await documents.nextReceiptNumber(jurisdictionId, 2026)).format, null)
    assert.deepEqual(
      await roster.setReceiptNumberFormat(jurisdictionId, '测收〔{year}〕{serial}号'),
      {
        created: true,
      },
    )
    assert.deepEqual(
      await roster.setReceiptNumberFormat(jurisdictionId, '测府收〔{year}〕{serial}号'),
      {
        created: false,
      },
    )
    assert.equal(
      (await documents.nextReceiptNumber(jurisdictionId, 2026)).format,
      '测府收〔{year}〕{serial}号',
    )
    await assert.rejects(roster.setReceiptNumberFormat(jurisdictionId, '测收〔{year}〕号'), /check/)
  })

  it('takes the next serial with the format in one statement, as 签收登记 does', async () => {
    const jurisdictionId = await buildJurisdiction()
    const { documents, roster } = createRepositories(handle.db)
    assert.deepEqual(await documents.nextReceiptNumber(jurisdictionId, 2026), {
      serial: 1,
      format: null,
    })
    await roster.setReceiptNumberFormat(jurisdictionId, '测收〔{year}〕{serial}号')
    const counter = countStatements(handle.db)
    assert.deepEqual(await documents.nextReceiptNumber(jurisdictionId, 2026), {
      serial: 2,
      format: '测收〔{year}〕{serial}号',
    })
    counter.stop()
    assert.equal(counter.count, 1)
  })
})
