import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { createRulesPort } from './rules-port.ts'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { buildTestServer, testLibrary } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 值班日志、交接班 (issue 16, H3): what came in on duty to the minute, in the shift covering it;
// leaders' instructions and hotline items dispatched to the supervision ledger with the rulebook's
// due date (木里 第八十一条 领导批办件15天; none elsewhere: the dispatcher gives one); the handover
// signed by one of the shift handing and one of the shift receiving. Tuesday 10 March 2026,
// 09:00 in Shanghai; the shifts change at 08:30.
const NOW = new Date('2026-03-10T01:00:00Z')
const SHIFTS = {
  a: ['2026-03-09T00:30:00Z', '2026-03-10T00:30:00Z'],
  b: ['2026-03-10T00:30:00Z', '2026-03-11T00:30:00Z'],
  c: ['2026-03-11T00:30:00Z', '2026-03-12T00:30:00Z'],
} as const
const BUDGET = 10

let handle: DatabaseHandle
let app: FastifyInstance
before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(NOW, 'all') })
  app = await buildTestServer(handle, () => NOW)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

async function holding(rosterKey: string) {
  return handle.db
    .selectFrom('people')
    .innerJoin('post_holdings', 'post_holdings.person_id', 'people.id')
    .innerJoin('posts', 'posts.id', 'post_holdings.post_id')
    .select([
      'people.id as personId',
      'posts.id as postId',
      'posts.department_id as departmentId',
      'people.jurisdiction_id as jurisdictionId',
    ])
    .where('people.roster_key', '=', rosterKey)
    .executeTakeFirstOrThrow()
}

/**
 * A duty unit of its own (a season code no rule has, so the demo's units and shifts stay apart)
 * on the county's 总值班室, with three shifts: A (yesterday, the head leading, 值班员 1), B (on duty
 * now, 值班员 2), C (tomorrow, 值班员 1).
 */
async function dutyDesk(prefix: string) {
  const head = await holding(`${prefix}-dutyOfficeHead`)
  const one = await holding(`${prefix}-dutyOfficer-1`)
  const two = await holding(`${prefix}-dutyOfficer-2`)

  const unitId = randomUUID()
  await sql`insert into duty_units (id, jurisdiction_id, department_id, season, shift_pattern,
      leader_post_ids, staff_post_ids)
    values (${unitId}, ${head.jurisdictionId}, ${head.departmentId}, ${`log-test-${unitId}`},
      '{}'::jsonb, ${[head.postId]}::uuid[], ${[one.postId, two.postId]}::uuid[])`.execute(
    handle.db,
  )
  const shift = async (span: readonly [string, string], leader: string | null, staff: string[]) => {
    const id = randomUUID()
    await sql`insert into duty_shifts (id, jurisdiction_id, duty_unit_id, starts_at, ends_at,
        day_type, label, leader_person_id, staff_person_ids, status, published_at)
      values (${id}, ${head.jurisdictionId}, ${unitId}, ${span[0]}::timestamptz,
        ${span[1]}::timestamptz, 'workday', '白班', ${leader}, ${staff}::uuid[], 'published',
        ${NOW.toISOString()}::timestamptz)`.execute(handle.db)
    return id
  }
  return {
    unitId,
    jurisdictionId: head.jurisdictionId,
    a: await shift(SHIFTS.a, head.personId, [one.personId]),
    b: await shift(SHIFTS.b, null, [two.personId]),
    c: await shift(SHIFTS.c, null, [one.personId]),
  }
}

interface Entry {
  id: string
  shiftId: string | null
  receivedAt: string
  passOn: boolean
  supervisionItemId: string | null
}

describe('值班日志 and 交接班', () => {
  it('records to the minute in the covering shift, dispatches, and hands over signed by both', async () => {
    const desk = await dutyDesk('ml')
    const one = await signInAs(app, 'ml-dutyOfficer-1')
    const two = await signInAs(app, 'ml-dutyOfficer-2')
    const head = await signInAs(app, 'ml-dutyOfficeHead')
    const outsider = await signInAs(app, 'ml-townshipHead-qiaowa')

    // An instruction phoned in at 08:10:37 falls in shift A, kept to the minute.
    const record = () =>
      one.post('/api/duty/log', {
        unitId: desk.unitId,
        kind: 'instruction',
        receivedAt: '2026-03-10T08:10:37+08:00',
        fromText: '县长办公室',
        summary: '县长指示：做好寒潮防御，今日12时前报告各乡镇准备情况',
        actionTaken: '已电话通知各乡镇',
        passOn: true,
      })
    const { inAct } = await actStatements(handle.db, record)
    assert.ok(inAct.length <= BUDGET, statementList('record', inAct, BUDGET))
    const listed = (await one.get(`/api/duty/log?unit=${desk.unitId}&shift=${desk.a}`)).json()
    const instruction = listed.entries.find((e: Entry) => e.passOn) as Entry
    assert.equal(instruction.receivedAt, '2026-03-10T00:10:00.000Z')
    assert.equal(instruction.shiftId, desk.a)

    const call = await one.post('/api/duty/log', {
      unitId: desk.unitId,
      kind: 'call',
      receivedAt: '2026-03-10T08:40:00+08:00',
      summary: '群众来电询问道路结冰情况',
    })
    assert.equal(call.statusCode, 201, call.body)
    assert.equal(call.json().shiftId, desk.b)

    // A span of time reads every entry in it, whatever the shift; a span over a month is refused.
    const span = (from: string, to: string) =>
      one.get(
        `/api/duty/log?unit=${desk.unitId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      )
    const both = (await span('2026-03-10T08:00:00+08:00', '2026-03-10T09:00:00+08:00')).json()
    assert.deepEqual(
      both.entries.map((e: Entry) => e.shiftId),
      [desk.a, desk.b],
    )
    const tooLong = await span('2026-01-01T00:00:00+08:00', '2026-03-10T09:00:00+08:00')
    assert.equal(tooLong.statusCode, 422, tooLong.body)

    const future = await one.post('/api/duty/log', {
      unitId: desk.unitId,
      kind: 'call',
      receivedAt: '2026-03-10T09:02:00+08:00',
      summary: '尚未发生',
    })
    assert.equal(future.statusCode, 422, future.body)
    assert.equal(future.json().error.code, 'DUTY_LOG_IN_FUTURE')

    // Someone neither in the duty office, nor among its candidates, nor on a shift: not found.
    const seen = await outsider.get(`/api/duty/log?unit=${desk.unitId}`)
    assert.equal(seen.statusCode, 404, seen.body)
    const written = await outsider.post('/api/duty/log', {
      unitId: desk.unitId,
      kind: 'call',
      receivedAt: '2026-03-10T08:50:00+08:00',
      summary: '外单位试图登记',
    })
    assert.equal(written.statusCode, 404, written.body)
    assert.ok(
      !(await outsider.get('/api/duty/log'))
        .json()
        .units.some((u: { id: string }) => u.id === desk.unitId),
    )

    // 分办: the instruction becomes a ledger item due on the rulebook's day (木里 15 days).
    const lead = await holding('ml-departmentHead-finance')
    const dispatch = () =>
      one.post(`/api/duty/log/${instruction.id}/dispatch`, {
        as: 'supervision',
        leadDepartmentId: lead.departmentId,
      })
    const { inAct: dispatched } = await actStatements(handle.db, dispatch)
    assert.ok(dispatched.length <= BUDGET, statementList('dispatch', dispatched, BUDGET))
    const item = await handle.db
      .selectFrom('supervision_items')
      .select(['id', 'source', 'due_date', 'rule_ids', 'assigned_on'])
      .where('title', 'like', '县长指示：做好寒潮防御%')
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      [item.source, item.assigned_on, item.due_date],
      ['leaderInstruction', '2026-03-10', '2026-03-25'],
    )
    assert.ok(item.rule_ids.includes('muli.supervision.leader-instruction'), item.rule_ids.join())
    const again = await dispatch()
    assert.equal(again.statusCode, 409, again.body)
    assert.equal(again.json().error.code, 'DUTY_LOG_ALREADY_DISPATCHED')
    const notDispatchable = await one.post(`/api/duty/log/${call.json().id}/dispatch`, {
      as: 'supervision',
      leadDepartmentId: lead.departmentId,
    })
    assert.equal(notDispatchable.statusCode, 422, notDispatchable.body)
    assert.equal(notDispatchable.json().error.code, 'DUTY_LOG_NOT_DISPATCHABLE')

    // 交班 A: not by one of shift B; by 值班员 1 of A, once; A then takes no more entries.
    const byTwo = await two.post('/api/duty/handovers', { fromShiftId: desk.a, notes: '—' })
    assert.equal(byTwo.statusCode, 403, byTwo.body)
    assert.equal(byTwo.json().error.code, 'DUTY_NOT_ON_SHIFT')
    const { inAct: handing, inRequest } = await actStatements(handle.db, () =>
      one.post('/api/duty/handovers', {
        fromShiftId: desk.a,
        notes: '寒潮防御指示待乡镇12时前回报',
      }),
    )
    assert.ok(handing.length <= BUDGET, statementList('hand', handing, BUDGET))
    assert.ok(inRequest > 0)
    // The next shift is told to sign it received.
    const told = await handle.db
      .selectFrom('notifications')
      .select(['recipient_person_id', 'link'])
      .where('kind', '=', 'dutyRoster')
      .where('link', 'like', `/duty/log?unit=${desk.unitId}%`)
      .execute()
    assert.deepEqual(
      told.map((row) => [row.recipient_person_id, row.link]),
      [
        [
          (await holding('ml-dutyOfficer-2')).personId,
          `/duty/log?unit=${desk.unitId}&shift=${desk.b}`,
        ],
      ],
    )
    const twice = await one.post('/api/duty/handovers', { fromShiftId: desk.a })
    assert.equal(twice.statusCode, 409, twice.body)
    const late = await one.post('/api/duty/log', {
      unitId: desk.unitId,
      kind: 'other',
      receivedAt: '2026-03-10T08:20:00+08:00',
      summary: '交班后补记',
    })
    assert.equal(late.statusCode, 409, late.body)
    assert.equal(late.json().error.code, 'DUTY_SHIFT_HANDED_OVER')
    const notStarted = await two.post('/api/duty/handovers', { fromShiftId: desk.c })
    assert.equal(notStarted.statusCode, 403, notStarted.body) // two is not on C

    // 接班: the shift B reads what A passed on and signs; not the one who handed, not the head
    // (of the unit, but not on B).
    const log = (await two.get(`/api/duty/log?unit=${desk.unitId}`)).json()
    assert.equal(log.shift.id, desk.b)
    assert.equal(log.previousShift.id, desk.a)
    assert.deepEqual(
      log.passedOn.map((e: Entry) => [e.id, e.supervisionItemId]),
      [[instruction.id, item.id]],
    )
    assert.equal(log.handoverIn.mayReceive, true)
    assert.equal(log.mayHand, true)
    const handoverId = log.handoverIn.id as string
    const self = await one.post(`/api/duty/handovers/${handoverId}/receive`, {})
    assert.equal(self.statusCode, 403, self.body)
    assert.equal(self.json().error.code, 'DUTY_HANDOVER_SAME_PERSON')
    const notNext = await head.post(`/api/duty/handovers/${handoverId}/receive`, {})
    assert.equal(notNext.statusCode, 403, notNext.body)
    assert.equal(notNext.json().error.code, 'DUTY_NOT_ON_NEXT_SHIFT')
    const { inAct: receiving } = await actStatements(handle.db, () =>
      two.post(`/api/duty/handovers/${handoverId}/receive`, {}),
    )
    assert.ok(receiving.length <= BUDGET, statementList('receive', receiving, BUDGET))
    const signed = (await head.get(`/api/duty/handovers?unit=${desk.unitId}`)).json().handovers
    assert.deepEqual(
      signed.map(
        (h: {
          fromShiftId: string
          toShiftId: string
          handedBy: { name: string }
          receivedBy: { name: string }
        }) => [h.fromShiftId, h.toShiftId, Boolean(h.handedBy.name), Boolean(h.receivedBy?.name)],
      ),
      [[desk.a, desk.b, true, true]],
    )
    const received = await two.post(`/api/duty/handovers/${handoverId}/receive`, {})
    assert.equal(received.statusCode, 409, received.body)

    // Each act left its audit record; the dispatch's is the item's, naming the entry.
    const actions = await handle.db
      .selectFrom('audit_records')
      .select(['action', sql<string | null>`details->'origin'->>'dutyLogEntryId'`.as('entry')])
      .where('jurisdiction_id', '=', desk.jurisdictionId)
      .where((eb) => eb.or([eb('action', 'like', 'duty%'), eb('subject', '=', item.id)]))
      .execute()
    for (const action of ['dutyLog.record', 'dutyHandover.hand', 'dutyHandover.receive'])
      assert.ok(
        actions.some((row) => row.action === action),
        action,
      )
    assert.ok(
      actions.some((row) => row.entry === instruction.id),
      JSON.stringify(actions),
    )
  })

  it('a minute no shift covers (a gap in the roster) is still recorded, in no shift', async () => {
    const desk = await dutyDesk('zs')
    await sql`delete from duty_shifts where id = ${desk.b}`.execute(handle.db)
    const head = await signInAs(app, 'zs-dutyOfficeHead')
    const recorded = await head.post('/api/duty/log', {
      unitId: desk.unitId,
      kind: 'call',
      receivedAt: '2026-03-10T08:55:00+08:00',
      summary: '值班表空档期间的来电',
    })
    assert.equal(recorded.statusCode, 201, recorded.body)
    assert.equal(recorded.json().shiftId, null)
    const log = (await head.get(`/api/duty/log?unit=${desk.unitId}`)).json()
    assert.equal(log.shift, null)
    assert.equal(log.mayHand, false)
    assert.deepEqual(
      log.entries.map((e: Entry) => e.id),
      [recorded.json().id],
    )
    // Someone from elsewhere swapped onto shift C (tomorrow) finds the unit's log by default.
    const swapped = await holding('zs-townshipHead-2')
    await sql`update duty_shifts set staff_person_ids = ${[swapped.personId]}::uuid[]
      where id = ${desk.c}`.execute(handle.db)
    const township = await signInAs(app, 'zs-townshipHead-2')
    assert.equal((await township.get('/api/duty/log')).json().unit?.id, desk.unitId)
    // An incident the jurisdiction does not have is not referred to.
    const unknown = await head.post('/api/duty/log', {
      unitId: desk.unitId,
      kind: 'incident',
      receivedAt: '2026-03-10T08:56:00+08:00',
      summary: '报告一起不存在的事件',
      incidentId: randomUUID(),
    })
    assert.equal(unknown.statusCode, 422, unknown.body)
    assert.equal(unknown.json().error.code, 'DUTY_LOG_UNKNOWN_INCIDENT')
    // Shift A still hands over, to the next shift the roster has (C).
    const handed = await head.post('/api/duty/handovers', { fromShiftId: desk.a })
    assert.equal(handed.statusCode, 201, handed.body)
    assert.equal(handed.json().toShiftId, desk.c)
  })

  const COUNTIES = [
    ['el', 'erlianhaote'],
    ['ml', 'muli'],
    ['tks', 'toksun'],
    ['yj', 'yanjin'],
    ['zs', 'zhongshan'],
  ] as const
  for (const [prefix, jurisdiction] of COUNTIES)
    it(`${jurisdiction}: an instruction and a hotline item are due on the rulebook's day, or the dispatcher's`, async () => {
      const desk = await dutyDesk(prefix)
      const officer = await signInAs(app, `${prefix}-dutyOfficer-2`)
      const lead = await holding(`${prefix}-officeDirector`)
      const rules = createRulesPort(testLibrary())
      for (const [kind, source] of [
        ['instruction', 'leaderInstruction'],
        ['hotline', 'dutyHotline'],
      ] as const) {
        const entry = (
          await officer.post('/api/duty/log', {
            unitId: desk.unitId,
            kind,
            receivedAt: '2026-03-10T08:45:00+08:00',
            summary: `${kind} ${prefix} 交办事项`,
          })
        ).json() as Entry
        assert.equal(entry.shiftId, desk.b)
        const answer = rules.decide(jurisdiction, 'supervision-due', {
          source,
          assignedOn: '2026-03-10',
        })
        const body = { as: 'supervision', leadDepartmentId: lead.departmentId }
        const response = await officer.post(`/api/duty/log/${entry.id}/dispatch`, body)
        if (answer.ok) {
          assert.equal(response.statusCode, 201, response.body)
          const due = (answer.result.outcome as { due: string }).due
          assert.equal(response.json().supervisionItem.dueDate, due)
          assert.ok(response.json().supervisionItem.ruleIds.length > 0)
          continue
        }
        assert.equal(response.statusCode, 422, response.body)
        assert.equal(response.json().error.code, 'DUE_DATE_REQUIRED')
        const given = await officer.post(`/api/duty/log/${entry.id}/dispatch`, {
          ...body,
          due: '2026-03-20',
        })
        assert.equal(given.statusCode, 201, given.body)
        assert.equal(given.json().supervisionItem.dueDate, '2026-03-20')
        assert.match(given.json().supervisionItem.sourceLabel, kind === 'hotline' ? /热线/ : /批示/)
      }
    })
})
