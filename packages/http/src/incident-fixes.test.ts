import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { createRepositories, incidentTimerHandlers, runDueJobs } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { createRulesPort } from './rules-port.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 突发事件信息报送 after review (issue 16): closing never drops a 漏报; a line reviewed or
// circulated is not rewritten by a later report nor taken by a second circular; the timer's
// escalation is audited; messages read Beijing time; the duty office recording a unit's call is
// its receiver. 木里 第八十九条: phone within 1 hour, written within 2, from when it happened.
const at = (local: string) => new Date(`${local}+08:00`)
const JURISDICTION = 'muli'
const server = useDemoServer({ startsAt: at('2026-10-06T09:00:00'), jurisdiction: JURISDICTION })
const rules = createRulesPort(loadLibrary())
const fire = () =>
  runDueJobs(server.handle.db, {
    handlers: incidentTimerHandlers({
      now: () => server.clock,
      rules,
      newId: randomUUID,
      hasher: sm3Hasher,
    }),
    now: () => server.clock,
  })
const township = () => signInAs(server.app, 'ml-townshipHead-qiaowa')
const duty = () => signInAs(server.app, 'ml-dutyOfficer-1')

async function reportIncident(title: string, occurredAt: string) {
  const created = await (
    await township()
  ).post('/api/incidents', {
    category: 'suddenIncident',
    title,
    occurredAt,
    firstReport: { channel: 'phone' },
  })
  assert.equal(created.statusCode, 201, created.body)
  return created.json() as { id: string; elements: { code: string; label: string }[] }
}

const registerOf = (incidentId: string) =>
  server.handle.db
    .selectFrom('late_report_entries')
    .select(['id', 'kind', 'step_act', 'minutes_late', 'review', 'circular_id'])
    .where('incident_id', '=', incidentId)
    .orderBy('due_at')
    .execute()

describe('突发事件信息报送: what review found', () => {
  it('closing refuses while a step is open and not yet due, and registers a past-due one as 漏报', async () => {
    server.clock = at('2026-10-06T10:00:00')
    const incident = await reportIncident('乔瓦镇落石', '2026-10-06T09:55:00+08:00')
    // 终报 by phone: the written report (due 11:55) is still open.
    const final = await (
      await township()
    ).post(`/api/incidents/${incident.id}/reports`, { kind: 'final', channel: 'phone' })
    assert.equal(final.statusCode, 200, final.body)
    assert.equal(final.json().steps[1].state, 'open', final.body)
    const seen = async () =>
      (await (await duty()).get(`/api/incidents/${incident.id}`)).json().acts as string[]
    assert.deepEqual(await seen(), ['report', 'requestFollowUp'])
    const early = await (await duty()).post(`/api/incidents/${incident.id}/close`, {})
    assert.equal(early.statusCode, 403, early.body)
    assert.equal(early.json().error.code, 'INCIDENT_STEPS_OPEN')
    assert.match(early.json().error.message, /书面.*10-06 11:55前报送.*不能终结/)
    // Past its due, before the timer ran: closing writes the 漏报 line itself.
    server.clock = at('2026-10-06T12:00:00')
    assert.deepEqual(await seen(), ['report', 'requestFollowUp', 'close'])
    const closed = await (await duty()).post(`/api/incidents/${incident.id}/close`, {})
    assert.equal(closed.statusCode, 200, closed.body)
    assert.deepEqual(
      (await registerOf(incident.id)).map((l) => [l.kind, l.step_act]),
      [['missing', 'writtenReport']],
    )
    // The timer then finds the incident closed; the line stays one.
    await fire()
    assert.equal((await registerOf(incident.id)).length, 1)
  })

  it('audits the escalation, keeps a reviewed line, refuses a line taken meanwhile, reads Beijing time', async () => {
    server.clock = at('2026-10-06T23:30:00')
    const incident = await reportIncident('乔瓦镇民房失火', '2026-10-06T23:10:00+08:00')
    // The duty office asks for a 续报 by 03:00 Beijing (19:00 UTC): the unit reads Beijing time.
    const asked = await (
      await duty()
    ).post(`/api/incidents/${incident.id}/follow-up-requests`, {
      dueAt: '2026-10-07T03:00:00+08:00',
    })
    assert.equal(asked.statusCode, 200, asked.body)
    const askedMessage = await server.handle.db
      .selectFrom('notifications')
      .select('title')
      .where('dedupe_key', 'like', `incident:${incident.id}:follow-up:%:asked`)
      .executeTakeFirstOrThrow()
    assert.match(askedMessage.title, /请于10-07 03:00前续报/)

    // The written deadline (01:10) passes: one escalation, audited as the system's act.
    server.clock = at('2026-10-07T01:10:00')
    await fire()
    const audits = await server.handle.db
      .selectFrom('audit_records')
      .select(['action', 'actor_person_id', 'rule_ids'])
      .where('subject', '=', incident.id)
      .where('action', '=', 'incident.overdue')
      .execute()
    assert.equal(audits.length, 1)
    assert.equal(audits[0]?.actor_person_id, null)
    assert.ok((audits[0]?.rule_ids.length ?? 0) > 0)

    // 核实 the 漏报 line; the written report that comes later does not rewrite it.
    const [line] = await registerOf(incident.id)
    assert.equal(line?.kind, 'missing')
    const reviewed = await (
      await duty()
    ).post(`/api/duty/late-register/${line?.id}/review`, {
      decision: 'confirmed',
      reason: '经核实确属漏报',
    })
    assert.equal(reviewed.statusCode, 200, reviewed.body)
    server.clock = at('2026-10-07T01:40:00')
    const written = await (
      await township()
    ).post(`/api/incidents/${incident.id}/reports`, {
      kind: 'follow-up',
      channel: 'written',
      elements: Object.fromEntries(incident.elements.map((e) => [e.code, e.label])),
    })
    assert.equal(written.statusCode, 200, written.body)
    assert.deepEqual(
      (await registerOf(incident.id)).map((l) => [l.kind, l.minutes_late, l.review]),
      [['missing', null, 'confirmed']],
    )

    // A circular taking a line another circular took meanwhile takes nothing.
    const circular = await (
      await duty()
    ).post('/api/duty/circulars', { from: '2026-10-06', to: '2026-10-07' })
    assert.equal(circular.statusCode, 201, circular.body)
    const issuer = await server.handle.db
      .selectFrom('duty_circulars')
      .select(['issued_by_person_id', 'issued_by_post_id'])
      .where('id', '=', circular.json().id)
      .executeTakeFirstOrThrow()
    const repositories = createRepositories(server.handle.db)
    const second = await repositories.incidents.insertCircular({
      ...(circular.json() as object),
      id: randomUUID(),
      jurisdictionId: JURISDICTION,
      entryIds: [line?.id as string],
      body: { lines: [], text: '' },
      issuedByPersonId: issuer.issued_by_person_id,
      issuedByPostId: issuer.issued_by_post_id,
      ruleIds: [],
    } as never)
    assert.equal(second, 0)
    assert.equal((await registerOf(incident.id))[0]?.circular_id, circular.json().id)
  })

  it('the duty office recording a unit’s incident is the first report’s receiver', async () => {
    server.clock = at('2026-10-08T10:00:00')
    const office = await duty()
    const qiaowa = await departmentIdOf(server.handle.db, '乔瓦镇')
    const created = await office.post('/api/incidents', {
      category: 'suddenIncident',
      title: '乔瓦镇电话报告的塌方',
      occurredAt: '2026-10-08T09:50:00+08:00',
      departmentId: qiaowa,
      firstReport: { channel: 'phone' },
    })
    assert.equal(created.statusCode, 201, created.body)
    const officer = await server.handle.db
      .selectFrom('accounts')
      .select('person_id')
      .where('username', '=', 'ml-dutyOfficer-1')
      .executeTakeFirstOrThrow()
    const report = await server.handle.db
      .selectFrom('incident_reports')
      .select(['reported_by_person_id', 'received_by_person_id'])
      .where('incident_id', '=', created.json().id)
      .executeTakeFirstOrThrow()
    assert.equal(report.received_by_person_id, officer.person_id)
    // A township reporting its own incident has no separate receiver.
    const own = await reportIncident('乔瓦镇自报', '2026-10-08T09:55:00+08:00')
    const ownReport = await server.handle.db
      .selectFrom('incident_reports')
      .select('received_by_person_id')
      .where('incident_id', '=', own.id)
      .executeTakeFirstOrThrow()
    assert.equal(ownReport.received_by_person_id, null)
  })
})
