import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { formatDocumentNumber } from '@zhengling/rules'
import type { DatabaseHandle } from './open-database.ts'
import { createRepositories } from './repositories.ts'
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

/** One transaction: take the next serial and store it on a new document, as issuing does. */
function assignOne(jurisdictionId: string, prefix: string, fail = false) {
  return handle.db.transaction().execute(async (trx) => {
    const { documents } = createRepositories(trx)
    const serial = await documents.nextSerial(jurisdictionId, prefix, 2026)
    const now = new Date().toISOString()
    await documents.insert(
      {
        id: randomUUID(),
        jurisdictionId,
        direction: 'outgoing',
        kind: '通知',
        title: `关于第${serial}号的通知`,
        body: '',
        senderDepartmentId: null,
        senderReference: null,
        issuer: 'government',
        documentNumber: formatDocumentNumber(prefix, 2026, serial),
        secrecy: 'public',
        secrecyPeriod: null,
        urgency: 'normal',
        mainRecipients: [],
        copyRecipients: [],
        signatories: [],
        contact: null,
        state: 'numbered',
        dueDate: null,
        distributionPosts: [],
        distributionDepartments: [],
        createdByPersonId: null,
        createdByPostId: null,
        createdAt: now,
        updatedAt: now,
        plan: null,
        disclosure: null,
        disclosureReason: null,
        receiptNumber: null,
        externalSender: null,
        copies: null,
        receivedOn: null,
      },
      '',
    )
    if (fail) throw new Error('用印前撤回')
    return serial
  })
}

describe('发文字号 sequences', () => {
  it('200 concurrent assignments for one prefix get 200 distinct consecutive numbers', async () => {
    const jurisdictionId = await buildJurisdiction()
    const serials = await Promise.all(
      Array.from({ length: 200 }, () => assignOne(jurisdictionId, '测府发')),
    )
    assert.deepEqual(
      serials.toSorted((a, b) => a - b),
      Array.from({ length: 200 }, (_, index) => index + 1),
    )
    const stored = await handle.db
      .selectFrom('documents')
      .select('document_number')
      .where('jurisdiction_id', '=', jurisdictionId)
      .execute()
    assert.equal(new Set(stored.map((row) => row.document_number)).size, 200)
    assert.ok(stored.some((row) => row.document_number === '测府发〔2026〕200号'))
  })

  it('a rolled-back assignment leaves no gap; prefixes and years count apart', async () => {
    const jurisdictionId = await buildJurisdiction()
    assert.equal(await assignOne(jurisdictionId, '测府发'), 1)
    await assert.rejects(assignOne(jurisdictionId, '测府发', true), /撤回/)
    assert.equal(await assignOne(jurisdictionId, '测府发'), 2)
    assert.equal(await assignOne(jurisdictionId, '测府办发'), 1)
    const { documents } = createRepositories(handle.db)
    assert.equal(await documents.nextSerial(jurisdictionId, '测府发', 2027), 1)
  })

  it('the database refuses the same number twice in a jurisdiction', async () => {
    const jurisdictionId = await buildJurisdiction()
    await handle.db
      .insertInto('document_number_sequences')
      .values({ jurisdiction_id: jurisdictionId, prefix: '测府发', year: 2026, last_number: 0 })
      .execute()
    await assignOne(jurisdictionId, '测府发')
    // Someone resets the sequence by hand: the unique index still stops a duplicate.
    await handle.db
      .updateTable('document_number_sequences')
      .set({ last_number: 0 })
      .where('jurisdiction_id', '=', jurisdictionId)
      .execute()
    await assert.rejects(assignOne(jurisdictionId, '测府发'), /duplicate key|unique/)
  })
})
