import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { INCIDENT_STEP_DUE, sm3Hasher } from '@zhengling/app'
import { incidentTimerHandlers, type JobHandler, runDueJobs, scheduleJobs } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { createRulesPort } from './rules-port.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 突发事件信息报送 on the clock (issue 16, H4): 木里 第八十九条 — a township reports an incident that
// happened at 23:10 on a holiday night; the phone report within 1 hour is on time, the written
// report within 2 hours is late; when the written deadline passes the 带班领导, the duty office,
// 应急办, the office director and the township are alerted once; the register shows 漏报 then 迟报
// with its minutes, and the office turns it into a circular. Hours run through the night and the
// holiday (the deadlines are instants).
const at = (local: string) => new Date(`${local}+08:00`)
const JURISDICTION = 'muli'
const server = useDemoServer({ startsAt: at('2026-10-01T23:20:00'), jurisdiction: JURISDICTION })
const rules = createRulesPort(loadLibrary())
const handlers = () =>
  incidentTimerHandlers({ now: () => server.clock, rules, newId: randomUUID, hasher: sm3Hasher })
const fire = (h: Record<string, JobHandler> = handlers(), backoffMs?: () => number) =>
  runDueJobs(server.handle.db, { handlers: h, now: () => server.clock, backoffMs })

/** Every element the rulebook asks of a report, filled (a written report carries them all). */
const allElements = (elements: { code: string; label: string }[]) =>
  Object.fromEntries(elements.map((e) => [e.code, `（${e.label}）已查明`]))

/** A published duty-office shift over the night with the executive deputy as 带班领导 (H2's tables). */
async function leaderOnCallTonight() {
  const db = server.handle.db
  const departmentId = await departmentIdOf(db, '县政府总值班室')
  const leader = await db
    .selectFrom('post_holdings as h')
    .innerJoin('posts as p', 'p.id', 'h.post_id')
    .select(['h.person_id', 'p.id as post_id'])
    .where('p.jurisdiction_id', '=', JURISDICTION)
    .where('p.title', '=', '常务副县长')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('duty_units')
    .values({
      id: randomUUID(),
      jurisdiction_id: JURISDICTION,
      department_id: departmentId,
      shift_pattern: JSON.stringify({}),
    } as never)
    .onConflict((c) => c.doNothing())
    .execute()
  const unit = await db
    .selectFrom('duty_units')
    .select('id')
    .where('department_id', '=', departmentId)
    .executeTakeFirstOrThrow()
  await db
    .insertInto('duty_shifts')
    .values({
      id: randomUUID(),
      jurisdiction_id: JURISDICTION,
      duty_unit_id: unit.id,
      starts_at: at('2026-10-01T17:30:00').toISOString(),
      ends_at: at('2026-10-02T08:30:00').toISOString(),
      day_type: 'holiday',
      holiday_name: '国庆节',
      leader_post_id: leader.post_id,
      leader_person_id: leader.person_id,
      status: 'published',
      published_at: at('2026-09-25T10:00:00').toISOString(),
    } as never)
    .onConflict((c) => c.doNothing())
    .execute()
  return leader.person_id
}

/** The states of an incident's timers (demo jobs of other kinds may fall due beside them). */
const timerStates = async (incidentId: string) =>
  (
    await server.handle.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'state', 'attempts'])
      .where('dedupe_key', 'like', `incident:${incidentId}:%`)
      .orderBy('dedupe_key')
      .execute()
  ).map((job) => `${job.dedupe_key?.split(':').slice(2).join(':')} ${job.state} ${job.attempts}`)

const overdueMessages = (incidentId: string) =>
  server.handle.db
    .selectFrom('notifications')
    .select([
      'recipient_person_id',
      'recipient_department_id',
      'recipient_post_id',
      'title',
      'body',
    ])
    .where('kind', '=', 'incidentOverdue')
    .where('link', '=', `/incidents/${incidentId}`)
    .execute()

describe('incident reports on the clock (木里 第八十九条)', () => {
  it('counts the phone and written deadlines from 23:10 past midnight, escalates once, registers 迟报 and circulates it', async () => {
    const leaderPersonId = await leaderOnCallTonight()
    // Sessions lapse when idle: each step signs in again at the clock's new time.
    let township = await signInAs(server.app, 'ml-townshipHead-qiaowa')
    let duty = await signInAs(server.app, 'ml-dutyOfficer-1')
    let otherTownship = await signInAs(server.app, 'ml-townshipHead-wachang')
    const again = async () => {
      township = await signInAs(server.app, 'ml-townshipHead-qiaowa')
      duty = await signInAs(server.app, 'ml-dutyOfficer-1')
      otherTownship = await signInAs(server.app, 'ml-townshipHead-wachang')
    }

    const options = await township.get('/api/incidents/options')
    assert.equal(options.statusCode, 200, options.body)
    const category = options
      .json()
      .categories.find((c: { code: string }) => c.code === 'suddenIncident')
    assert.ok(category, options.body)
    // The 报告单位 picker: the duty office records a unit's call for it; a township reports its own.
    const mayReport = async (client: typeof township) =>
      (await client.get('/api/incidents/options')).json().mayReportForOtherUnits
    assert.deepEqual(
      [await mayReport(township), await mayReport(duty), await mayReport(otherTownship)],
      [false, true, false],
    )
    assert.deepEqual(
      category.steps.map((s: { act: string; channel: string }) => [s.act, s.channel]),
      [
        ['phoneReport', 'phone'],
        ['writtenReport', 'written'],
      ],
    )

    const created = await township.post('/api/incidents', {
      category: 'suddenIncident',
      title: '乔瓦镇山体滑坡',
      place: '乔瓦镇某村',
      occurredAt: '2026-10-01T23:10:00+08:00',
      firstReport: { channel: 'phone', elements: { place: '乔瓦镇某村' }, body: '电话速报' },
    })
    assert.equal(created.statusCode, 201, created.body)
    const incident = created.json()
    assert.equal(incident.serverNow, at('2026-10-01T23:20:00').toISOString())
    const [phone, written] = incident.steps
    assert.equal(phone.due, at('2026-10-02T00:10:00').toISOString())
    assert.equal(phone.state, 'done')
    assert.equal(written.due, at('2026-10-02T01:10:00').toISOString())
    assert.equal(written.state, 'open')
    assert.equal(written.secondsLeft, 110 * 60)
    assert.deepEqual(incident.elements, category.elements)
    assert.ok(incident.elements.length > 0)
    assert.ok(incident.citations.some((c: { article: string }) => c.article === '第八十九条'))
    assert.deepEqual(incident.acts, ['report'])

    // The duty office sees it on the board, and heard of it; another township does not see it.
    const board = await duty.get('/api/duty/board')
    assert.equal(board.statusCode, 200, board.body)
    assert.deepEqual(
      board.json().incidents.map((i: { id: string }) => i.id),
      [incident.id],
    )
    assert.equal(board.json().leaderOnCall?.personId, leaderPersonId)
    const heard = await duty.get('/api/notifications?limit=20')
    assert.ok(
      heard
        .json()
        .items.some(
          (n: { kind: string; link: string }) =>
            n.kind === 'incident' && n.link === `/incidents/${incident.id}`,
        ),
      heard.body,
    )
    assert.equal((await otherTownship.get(`/api/incidents/${incident.id}`)).statusCode, 404)
    assert.equal((await otherTownship.get('/api/duty/board')).json().incidents.length, 0)

    // A written report without the elements is refused with the missing ones named.
    server.clock = at('2026-10-02T00:50:00')
    await again()
    const incomplete = await township.post(`/api/incidents/${incident.id}/reports`, {
      kind: 'follow-up',
      channel: 'written',
      elements: { place: '乔瓦镇某村' },
    })
    assert.equal(incomplete.statusCode, 422, incomplete.body)
    assert.equal(incomplete.json().error.code, 'INCIDENT_ELEMENTS_MISSING')

    // One second before the written deadline nothing fires; at it, one escalation.
    server.clock = at('2026-10-02T01:09:59')
    await fire()
    assert.deepEqual(await timerStates(incident.id), ['writtenReport:due pending 0'])
    assert.equal((await overdueMessages(incident.id)).length, 0)
    server.clock = at('2026-10-02T01:10:00')
    await fire()
    assert.deepEqual(await timerStates(incident.id), ['writtenReport:due done 1'])
    const messages = await overdueMessages(incident.id)
    const qiaowa = await departmentIdOf(server.handle.db, '乔瓦镇')
    const dutyOffice = await departmentIdOf(server.handle.db, '县政府总值班室')
    const emergency = await departmentIdOf(server.handle.db, '县政府应急办')
    assert.deepEqual(
      messages
        .map((m) => m.recipient_person_id ?? m.recipient_department_id ?? m.recipient_post_id)
        .sort(),
      [
        leaderPersonId,
        qiaowa,
        dutyOffice,
        emergency,
        messages.find((m) => m.recipient_post_id)?.recipient_post_id,
      ].sort(),
    )
    assert.ok(messages.every((m) => m.title.includes('书面上报') && m.body.includes('第八十九条')))
    server.clock = at('2026-10-02T01:30:00')
    await again()
    await fire()
    assert.equal((await overdueMessages(incident.id)).length, messages.length)

    const overdue = (await duty.get(`/api/incidents/${incident.id}`)).json()
    assert.equal(overdue.steps[1].state, 'overdue')
    assert.deepEqual(
      overdue.lateEntries.map((l: { kind: string; minutesLate: number | null }) => [
        l.kind,
        l.minutesLate,
      ]),
      [['missing', null]],
    )
    assert.deepEqual(overdue.acts, ['report', 'requestFollowUp'])

    // The written report at 01:40: 迟报 30 minutes.
    server.clock = at('2026-10-02T01:40:00')
    await again()
    const late = await township.post(`/api/incidents/${incident.id}/reports`, {
      kind: 'follow-up',
      channel: 'written',
      elements: allElements(incident.elements),
      body: '书面报告',
    })
    assert.equal(late.statusCode, 200, late.body)
    assert.equal(late.json().steps[1].state, 'late')
    // Each step carries the server's minutes (the board shows them, as the register does).
    assert.deepEqual(
      late.json().steps.map((s: { minutesLate: number | null }) => s.minutesLate),
      [null, 30],
    )
    assert.deepEqual(
      late
        .json()
        .lateEntries.map((l: { kind: string; minutesLate: number }) => [l.kind, l.minutesLate]),
      [['late', 30]],
    )
    assert.equal(late.json().reports.at(-1).late, true)

    // The register (the office sees the line; the other township does not) and the circular.
    const register = await duty.get('/api/duty/late-register?from=2026-10-01&to=2026-10-02')
    assert.equal(register.statusCode, 200, register.body)
    assert.deepEqual(
      register
        .json()
        .entries.map((e: { kind: string; minutesLate: number; department: { name: string } }) => [
          e.kind,
          e.minutesLate,
          e.department.name,
        ]),
      [['late', 30, '乔瓦镇']],
    )
    assert.equal(register.json().canIssueCircular, true)
    const elsewhere = await otherTownship.get(
      '/api/duty/late-register?from=2026-10-01&to=2026-10-02',
    )
    assert.equal(elsewhere.json().entries.length, 0)
    assert.equal(
      (await township.post('/api/duty/circulars', { from: '2026-10-01', to: '2026-10-02' }))
        .statusCode,
      403,
    )
    const circular = await duty.post('/api/duty/circulars', {
      from: '2026-10-01',
      to: '2026-10-02',
    })
    assert.equal(circular.statusCode, 201, circular.body)
    assert.equal(circular.json().lines.length, 1)
    assert.match(circular.json().text, /乔瓦镇.*迟报30分钟/)
    assert.ok(
      circular.json().citations.some((c: { article: string }) => c.article === '第八十九条'),
    )
    const twice = await duty.post('/api/duty/circulars', { from: '2026-10-01', to: '2026-10-02' })
    assert.equal(twice.json().error.code, 'INCIDENT_NOTHING_TO_CIRCULATE')
    const read = await township.get(`/api/duty/circulars/${circular.json().id}`)
    assert.equal(read.statusCode, 200, read.body)
    const circulated = (
      await duty.get('/api/duty/late-register?from=2026-10-01&to=2026-10-02')
    ).json()
    assert.equal(circulated.entries[0].circularId, circular.json().id)

    // 续报 asked, 终报 sent, closed: the pending timers find nothing left to do.
    const asked = await duty.post(`/api/incidents/${incident.id}/follow-up-requests`, {
      dueAt: '2026-10-02T03:00:00+08:00',
    })
    assert.equal(asked.statusCode, 200, asked.body)
    server.clock = at('2026-10-02T02:30:00')
    await again()
    const final = await township.post(`/api/incidents/${incident.id}/reports`, {
      kind: 'final',
      channel: 'written',
      elements: allElements(incident.elements),
      body: '终报',
    })
    assert.equal(final.statusCode, 200, final.body)
    assert.deepEqual(
      final.json().followUps.map((f: { satisfied: boolean }) => f.satisfied),
      [true],
    )
    assert.deepEqual(final.json().acts, ['report'])
    const closed = await duty.post(`/api/incidents/${incident.id}/close`, {})
    assert.equal(closed.statusCode, 200, closed.body)
    assert.equal(closed.json().status, 'closed')
    server.clock = at('2026-10-02T03:30:00')
    await fire()
    assert.equal((await timerStates(incident.id)).filter((s) => s.includes('done 1')).length, 2)
    assert.equal((await overdueMessages(incident.id)).length, messages.length)
  })

  it('a restart during an open incident neither loses nor repeats the escalation', async () => {
    server.clock = at('2026-10-03T10:00:00')
    const township = await signInAs(server.app, 'ml-townshipHead-qiaowa')
    const created = await township.post('/api/incidents', {
      category: 'suddenIncident',
      title: '乔瓦镇道路塌方',
      occurredAt: '2026-10-03T09:55:00+08:00',
      firstReport: { channel: 'phone' },
    })
    assert.equal(created.statusCode, 201, created.body)
    const { id } = created.json()
    const view0 = created.json()
    const jobs = () => timerStates(id)
    assert.deepEqual(await jobs(), ['writtenReport:due pending 0'])

    // The process dies while escalating (after the handler's writes, before its commit).
    server.clock = at('2026-10-03T11:56:00')
    const dying = Object.fromEntries(
      Object.entries(handlers()).map(([kind, handler]) => [
        kind,
        (async (job, trx) => {
          await handler(job, trx)
          throw new Error('进程在提交前退出')
        }) satisfies JobHandler,
      ]),
    )
    await fire(dying, () => 1)
    assert.equal((await overdueMessages(id)).length, 0, 'nothing of the dead attempt remains')
    assert.deepEqual(await jobs(), ['writtenReport:due pending 1'])

    // A new worker over the same database (the restarted process, a second later) escalates, once.
    server.clock = at('2026-10-03T11:56:01')
    await fire(handlers())
    const escalated = await overdueMessages(id)
    assert.ok(escalated.length > 0)
    assert.deepEqual(await jobs(), ['writtenReport:due done 2'])
    // Another restart: nothing due, nothing repeated; the timer scheduled again keeps one.
    await scheduleJobs(server.handle.db, [
      {
        kind: INCIDENT_STEP_DUE,
        runAt: view0.steps[1].due,
        jurisdictionId: JURISDICTION,
        payload: { incidentId: id, act: 'writtenReport' },
        dedupeKey: `incident:${id}:writtenReport:due`,
      },
    ])
    await fire(handlers())
    assert.deepEqual(await jobs(), ['writtenReport:due done 2'])
    assert.equal((await overdueMessages(id)).length, escalated.length)
    const view = (
      await (await signInAs(server.app, 'ml-dutyOfficer-1')).get(`/api/incidents/${id}`)
    ).json()
    assert.deepEqual(
      view.lateEntries.map((l: { kind: string }) => l.kind),
      ['missing'],
    )
  })

  it('counts from when the unit came to know; a 续报 asked and not sent is escalated and registered', async () => {
    server.clock = at('2026-10-05T09:00:00')
    let township = await signInAs(server.app, 'ml-townshipHead-qiaowa')
    let duty = await signInAs(server.app, 'ml-dutyOfficer-1')
    const created = await township.post('/api/incidents', {
      category: 'suddenIncident',
      title: '乔瓦镇森林火情',
      occurredAt: '2026-10-05T06:00:00+08:00',
      knownAt: '2026-10-05T08:30:00+08:00',
      firstReport: { channel: 'phone' },
    })
    assert.equal(created.statusCode, 201, created.body)
    const incident = created.json()
    assert.equal(incident.clockFrom, at('2026-10-05T08:30:00').toISOString())
    assert.deepEqual(
      incident.steps.map((s: { due: string; state: string }) => [s.due, s.state]),
      [
        [at('2026-10-05T09:30:00').toISOString(), 'done'],
        [at('2026-10-05T10:30:00').toISOString(), 'open'],
      ],
    )
    const refused = await township.post(`/api/incidents/${incident.id}/follow-up-requests`, {
      dueAt: '2026-10-05T12:00:00+08:00',
    })
    assert.equal(refused.statusCode, 403, refused.body)
    assert.equal(refused.json().error.code, 'INCIDENT_NOT_DUTY_OFFICE')
    assert.equal(
      (await duty.post(`/api/incidents/${incident.id}/close`, {})).json().error.code,
      'INCIDENT_NO_FINAL_REPORT',
    )
    const elements = allElements(incident.elements)
    const written = await township.post(`/api/incidents/${incident.id}/reports`, {
      kind: 'follow-up',
      channel: 'written',
      elements,
    })
    assert.equal(written.json().steps[1].state, 'done')
    assert.deepEqual(written.json().lateEntries, [])
    const asked = await duty.post(`/api/incidents/${incident.id}/follow-up-requests`, {
      dueAt: '2026-10-05T11:00:00+08:00',
      note: '请续报火场面积',
    })
    assert.equal(asked.statusCode, 200, asked.body)
    const heard = await township.get('/api/notifications?limit=20')
    assert.ok(
      heard
        .json()
        .items.some(
          (n: { title: string }) => n.title.startsWith('要求续报') && n.title.includes('森林火情'),
        ),
      heard.body,
    )

    server.clock = at('2026-10-05T11:00:00')
    await fire()
    assert.ok(
      (await timerStates(incident.id)).some(
        (s) => s.startsWith('follow-up:') && s.endsWith('done 1'),
      ),
    )
    const messages = await overdueMessages(incident.id)
    assert.ok(messages.length > 0 && messages.every((m) => m.title.includes('续报')))
    server.clock = at('2026-10-05T11:25:00')
    township = await signInAs(server.app, 'ml-townshipHead-qiaowa')
    duty = await signInAs(server.app, 'ml-dutyOfficer-1')
    const before = (await duty.get(`/api/incidents/${incident.id}`)).json()
    assert.deepEqual(
      before.lateEntries.map((l: { kind: string; reportedAt: string | null }) => [
        l.kind,
        l.reportedAt,
      ]),
      [['follow-up-overdue', null]],
    )
    const followUp = await township.post(`/api/incidents/${incident.id}/reports`, {
      kind: 'follow-up',
      channel: 'written',
      elements,
    })
    assert.equal(followUp.statusCode, 200, followUp.body)
    assert.deepEqual(
      followUp
        .json()
        .lateEntries.map((l: { kind: string; minutesLate: number; stepLabel: string }) => [
          l.kind,
          l.minutesLate,
          l.stepLabel,
        ]),
      [['follow-up-overdue', 25, '续报']],
    )
    assert.equal((await overdueMessages(incident.id)).length, messages.length)
  })
})
