import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type AbsenceRecord, type AbsenceStatus, createScryptHasher } from '@zhengling/app'
import { sql } from 'kysely'
import { awayDuring, awayOn } from './absence-repository.ts'
import type { DatabaseHandle } from './open-database.ts'
import { createRepositories } from './repositories.ts'
import { seedDemoJurisdiction } from './seed-demo.ts'
import { openTestDatabase } from './test-support/open-test-database.ts'

// The one condition every module asks "is this post's holder away on day d" by (issue 15, C2):
// in force (approved, filed, closed by 销假), and d within its dates up to the day of return.
// Enumerated over every status × return day × day of the week around one absence, against the
// condition as the contract states it.
const SEEDED = new Date('2026-03-02T01:00:00Z')
let handle: DatabaseHandle
let person = ''
let post = ''
let jurisdictionId = ''
before(async () => {
  handle = await openTestDatabase({
    seed: {
      key: `absence repository: zhongshan on ${SEEDED.toISOString()}`,
      run: (db) =>
        seedDemoJurisdiction(db, {
          now: () => SEEDED,
          passwords: createScryptHasher(2 ** 12),
          jurisdiction: 'zhongshan',
        }).then(() => undefined),
    },
  })
  const row = await handle.db
    .selectFrom('post_holdings as h')
    .innerJoin('posts as p', 'p.id', 'h.post_id')
    .select(['h.person_id', 'p.id', 'p.jurisdiction_id'])
    .where('p.title', '=', '副区长（教育）')
    .executeTakeFirstOrThrow()
  person = row.person_id
  post = row.id
  jurisdictionId = row.jurisdiction_id
})
after(() => handle?.close())

const STATUSES: AbsenceStatus[] = [
  'pending',
  'approved',
  'refused',
  'filed',
  'withdrawn',
  'returned',
]
const DAYS = ['2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10']
const FROM = '2026-04-06'
const TO = '2026-04-09'

function record(status: AbsenceStatus, returnedOn: string | null): AbsenceRecord {
  const at = SEEDED.toISOString()
  return {
    id: randomUUID(),
    jurisdictionId,
    personId: person,
    postId: post,
    unitId: null,
    category: 'businessTrip',
    from: FROM,
    to: TO,
    days: 4,
    destination: '贵阳市',
    reason: '参加会议',
    contact: '13800000000',
    standInPostId: null,
    mode: 'approval',
    status,
    approverPostId: null,
    approverPostIds: [],
    viaPostIds: [],
    informPostIds: [],
    fileWithPostIds: [],
    reportBackPostIds: [],
    filedAt: at,
    latestFiling: null,
    late: false,
    conflict: null,
    decidedAt: null,
    decidedByPostId: null,
    opinion: null,
    returnedOn,
    returnReport: returnedOn ? '已返回' : null,
    ruleIds: [],
    secrecy: 'internal',
    distributionPosts: [post],
    distributionDepartments: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
}

/** The contract's words, in TypeScript. */
const expectedAway = (status: AbsenceStatus, returnedOn: string | null, day: string) =>
  ['approved', 'filed', 'returned'].includes(status) &&
  FROM <= day &&
  day <= (returnedOn && returnedOn < TO ? returnedOn : TO)

describe('awayOn: who is away on a day', () => {
  it('agrees with the contract for every status, return day and day', async () => {
    const r = createRepositories(handle.db)
    const cases: { id: string; status: AbsenceStatus; returnedOn: string | null }[] = []
    for (const status of STATUSES)
      for (const returnedOn of status === 'returned'
        ? [FROM, '2026-04-07', TO, '2026-04-10']
        : [null]) {
        const absence = record(status, returnedOn)
        await r.absences.insert(absence, {
          occurredAt: absence.filedAt,
          actorPersonId: person,
          actorPostId: post,
          action: 'request',
          text: null,
          ruleIds: [],
          details: {},
        })
        cases.push({ id: absence.id, status, returnedOn })
      }
    const ids = cases.map((c) => c.id)
    for (const day of DAYS) {
      const { rows } = await sql<{ id: string }>`select id from absences
        where id = any(${ids}::uuid[]) and ${awayOn(day)}`.execute(handle.db)
      const away = new Set(rows.map((row) => row.id))
      for (const c of cases)
        assert.equal(
          away.has(c.id),
          expectedAway(c.status, c.returnedOn, day),
          `${c.status} returned ${c.returnedOn} on ${day}`,
        )
    }
    // Over a span: away on some day of it.
    for (const [from, to] of [
      ['2026-04-01', '2026-04-05'],
      ['2026-04-08', '2026-04-20'],
      ['2026-04-10', '2026-04-12'],
    ] as const) {
      const { rows } = await sql<{ id: string }>`select id from absences a
        where a.id = any(${ids}::uuid[]) and ${awayDuring(from, to, 'a')}`.execute(handle.db)
      const away = new Set(rows.map((row) => row.id))
      for (const c of cases)
        assert.equal(
          away.has(c.id),
          DAYS.some((day) => from <= day && day <= to && expectedAway(c.status, c.returnedOn, day)),
          `${c.status} returned ${c.returnedOn} during ${from}..${to}`,
        )
    }
    // The conflict check reads the same days: a 销假 ends the overlap.
    const overlapping = await r.absences.overlapping(jurisdictionId, '2026-04-08', '2026-04-08', {
      statuses: ['approved', 'filed', 'returned'],
    })
    const mine = overlapping.filter((o) => ids.includes(o.id))
    assert.deepEqual(mine.map((o) => `${o.status}:${o.to}`).sort(), [
      'approved:2026-04-09',
      'filed:2026-04-09',
      'returned:2026-04-09',
      'returned:2026-04-09',
    ])
  })

  it('loads an absence only for a viewer in its distribution, with its history', async () => {
    const r = createRepositories(handle.db)
    const absence = record('pending', null)
    await r.absences.insert(absence, {
      occurredAt: absence.filedAt,
      actorPersonId: person,
      actorPostId: post,
      action: 'request',
      text: '参加会议',
      ruleIds: ['zhongshan.leave.deputies-outside-district'],
      details: { stages: [] },
    })
    const viewer = {
      jurisdictionId,
      postIds: [post],
      departmentIds: [],
      clearance: 'internal' as const,
    }
    const loaded = await r.absences.load(viewer, absence.id, { actorPersonId: person })
    assert.equal(loaded?.record.status, 'pending')
    assert.equal(loaded?.personName, '张志强')
    assert.equal(loaded?.actorName, '张志强')
    assert.equal(loaded?.postTitles[post], '副区长（教育）')
    assert.deepEqual(
      loaded?.history.map((e) => [e.action, e.actorPostTitle, e.text]),
      [['request', '副区长（教育）', '参加会议']],
    )
    const other = { ...viewer, postIds: [randomUUID()] }
    assert.equal(await r.absences.load(other, absence.id), undefined)
    assert.equal(
      await r.absences.load({ ...viewer, jurisdictionId: 'muli' }, absence.id),
      undefined,
    )
  })
})
