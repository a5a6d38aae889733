import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type DutyEventAudience, recordDutyEvent, type SecrecyLevel } from '@zhengling/app'
import { createDutyEventRepository, latestDutyEventId } from './duty-event-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createInTransaction } from './repositories.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

// The duty feed (migration 0043): an act appends its events in its transaction (rolled back with
// it); a reader gets what its jurisdiction, clearance and units allow, after a position.
let handle: DatabaseHandle
const jurisdictionId = `duty-events-${randomUUID().slice(0, 8)}`
const other = `${jurisdictionId}-other`
const township = randomUUID()
const bureau = randomUUID()
const subject = () => randomUUID()

before(async () => {
  handle = await openTestDatabase()
  await handle.db
    .insertInto('jurisdictions')
    .values([
      { id: jurisdictionId, name: '测试县', level: 'county', rulebook_version: 'test' },
      { id: other, name: '邻县', level: 'county', rulebook_version: 'test' },
    ])
    .execute()
  await handle.db
    .insertInto('departments')
    .values([
      { id: township, jurisdiction_id: jurisdictionId, name: '甲镇', kind: 'township' },
      { id: bureau, jurisdiction_id: jurisdictionId, name: '乙局', kind: 'department' },
    ])
    .execute()
})
after(() => handle?.close())

const audience = (
  over: Partial<DutyEventAudience> = {},
  clearance: SecrecyLevel = 'secret',
): DutyEventAudience => ({
  jurisdictionId,
  clearance,
  departmentIds: [],
  seesAll: false,
  ...over,
})

describe('duty events', () => {
  it('are written with the act or not at all, and read by who may see them', async () => {
    const inTransaction = createInTransaction(handle.db)
    const start = await latestDutyEventId(handle.db)
    const at = '2026-10-01T15:10:00.000Z'
    const ids = { townshipIncident: subject(), bureauOpinion: subject(), secret: subject() }
    await inTransaction((r) =>
      recordDutyEvent(r, [
        {
          jurisdictionId,
          type: 'incident',
          subject: 'incident',
          subjectId: ids.townshipIncident,
          departmentIds: [township],
          at,
        },
        {
          jurisdictionId,
          type: 'opinion',
          subject: 'opinion',
          subjectId: ids.bureauOpinion,
          departmentIds: [bureau],
          at,
        },
        {
          jurisdictionId,
          type: 'overdue',
          subject: 'incident',
          subjectId: ids.secret,
          departmentIds: [township],
          secrecy: 'confidential',
          at,
        },
      ]),
    )
    // An act that fails leaves no event behind.
    await assert.rejects(
      inTransaction(async (r) => {
        await recordDutyEvent(r, {
          jurisdictionId,
          type: 'report',
          subject: 'incident',
          subjectId: subject(),
          departmentIds: [township],
          at,
        })
        throw new Error('act refused')
      }),
    )
    const feed = createDutyEventRepository(handle.db)
    const seen = async (who: DutyEventAudience) =>
      (await feed.since(who, start, 50)).map((event) => event.subjectId)

    // The duty office (sees all) with clearance for 机密 sees all three, in order.
    assert.deepEqual(await seen(audience({ seesAll: true }, 'confidential')), [
      ids.townshipIncident,
      ids.bureauOpinion,
      ids.secret,
    ])
    // Not cleared for the confidential one: two.
    assert.deepEqual(await seen(audience({ seesAll: true })), [
      ids.townshipIncident,
      ids.bureauOpinion,
    ])
    // A township sees its own unit's events only; a unit named on none sees nothing.
    assert.deepEqual(await seen(audience({ departmentIds: [township] })), [ids.townshipIncident])
    assert.deepEqual(await seen(audience({ departmentIds: [bureau] })), [ids.bureauOpinion])
    assert.deepEqual(await seen(audience({ departmentIds: [randomUUID()] })), [])
    // Another jurisdiction's reader, even one who sees all there, sees none of them.
    assert.deepEqual(await seen(audience({ jurisdictionId: other, seesAll: true })), [])

    // Positions: after the second event only the rest; the newest the reader may see.
    const all = await feed.since(audience({ seesAll: true }, 'confidential'), start, 50)
    assert.deepEqual(
      (await feed.since(audience({ seesAll: true }, 'confidential'), all[1]!.id, 50)).map(
        (event) => event.type,
      ),
      ['overdue'],
    )
    assert.equal(await feed.latest(audience({ departmentIds: [bureau] })), all[1]!.id)
    assert.equal(await latestDutyEventId(handle.db), all[2]!.id)
    assert.deepEqual(all[0], {
      id: all[0]!.id,
      type: 'incident',
      subject: 'incident',
      subjectId: ids.townshipIncident,
      at,
    })
  })
})
