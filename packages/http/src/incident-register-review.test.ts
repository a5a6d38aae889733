import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 核实 of the 迟报漏报 register (issue 16). 托克逊 七十六 asks major incidents to be reported to the
// 县政府值班室 立即 (a period of zero): a report a minute after the unit learned of it is a 迟报 of one
// minute on the register. The step shows as 立即 with the time since the clock started (no
// countdown); the duty office reviews each line — 属实 (it stays a 迟报) or 不予通报 with the reason
// (reported by phone outside the system, communications down) — the line keeps its facts, each
// review is audited, and an excused line never enters a circular (asked for by id, refused).
const at = (local: string) => new Date(`${local}+08:00`)
const server = useDemoServer({ startsAt: at('2026-10-02T09:00:00'), jurisdiction: 'toksun' })
const as = (username: string) => signInAs(server.app, username)
const WINDOW = 'from=2026-10-01&to=2026-10-03'

interface Line {
  id: string
  kind: string
  minutesLate: number | null
  incidentTitle: string
  circularId: string | null
  review: {
    decision: string
    decisionLabel: string
    reason: string
    reviewedByName: string | null
    reviewedAt: string
  } | null
}

describe('核实 of the 迟报漏报 register (托克逊 七十六 立即)', () => {
  it('shows 立即 with the time since, reviews lines with a reason, audits each review and never circulates an excused line', async () => {
    const township = await as('tks-townshipHead')
    const duty = await as('tks-dutyOfficer-1')

    const options = await township.get('/api/incidents/options')
    assert.equal(options.statusCode, 200, options.body)
    const category = options.json().categories.find((c: { code: string }) => c.code !== 'unlisted')
    assert.ok(category, options.body)
    assert.equal(category.steps[0].within, '立即')

    // Two major incidents: one reported a minute after it became known, one 30 minutes after.
    const report = async (title: string, knownAt: string) => {
      const created = await township.post('/api/incidents', {
        category: category.code,
        title,
        occurredAt: knownAt,
        firstReport: { channel: 'phone', body: '电话报告县政府值班室' },
      })
      assert.equal(created.statusCode, 201, created.body)
      return created.json()
    }
    const soon = await report('夏乡道路塌方', '2026-10-02T08:59:00+08:00')
    const later = await report('夏乡山洪', '2026-10-02T08:30:00+08:00')

    // 立即: no countdown but the time since the clock started, on the incident and the board.
    const view = (await duty.get(`/api/incidents/${later.id}`)).json()
    assert.deepEqual(
      view.steps.map((s: { within: string; immediate: boolean; secondsSinceStart: number }) => [
        s.within,
        s.immediate,
        s.secondsSinceStart,
      ]),
      [['立即', true, 30 * 60]],
    )
    const board = await duty.get('/api/duty/board')
    assert.equal(board.statusCode, 200, board.body)
    const onBoard = board.json().incidents.find((i: { id: string }) => i.id === soon.id)
    assert.deepEqual(
      onBoard.steps.map((s: { immediate: boolean; secondsSinceStart: number }) => [
        s.immediate,
        s.secondsSinceStart,
      ]),
      [[true, 60]],
    )

    const register = async () => {
      const answer = await duty.get(`/api/duty/late-register?${WINDOW}`)
      assert.equal(answer.statusCode, 200, answer.body)
      return answer.json().entries as Line[]
    }
    const lines = await register()
    assert.deepEqual(
      lines.map((l) => [l.incidentTitle, l.kind, l.minutesLate, l.review]),
      [
        ['夏乡山洪', 'late', 30, null],
        ['夏乡道路塌方', 'late', 1, null],
      ],
    )
    const flood = lines[0] as Line
    const road = lines[1] as Line
    const review = (id: string, body: object, who = duty) =>
      who.post(`/api/duty/late-register/${id}/review`, body)

    // Refusals: a reporting unit, no reason, an unknown decision, an unknown line.
    const byUnit = await review(road.id, { decision: 'excused', reason: '已电话报告' }, township)
    assert.equal(byUnit.statusCode, 403, byUnit.body)
    assert.equal(byUnit.json().error.code, 'INCIDENT_NOT_DUTY_OFFICE')
    const noReason = await review(road.id, { decision: 'excused', reason: '  ' })
    assert.equal(noReason.statusCode, 422, noReason.body)
    assert.equal(noReason.json().error.code, 'INCIDENT_REVIEW_REASON')
    assert.match(noReason.json().error.message, /核实理由/)
    const badDecision = await review(road.id, { decision: 'waived', reason: '已电话报告' })
    assert.ok(badDecision.statusCode >= 400 && badDecision.statusCode < 500, badDecision.body)
    const unknown = await review('00000000-0000-4000-8000-000000000000', {
      decision: 'confirmed',
      reason: '属实',
    })
    assert.equal(unknown.statusCode, 404, unknown.body)
    assert.equal(unknown.json().error.code, 'INCIDENT_ENTRY_NOT_FOUND')

    // The road line: first confirmed, then (the unit shows its phone call log) excused.
    const confirmed = await review(road.id, { decision: 'confirmed', reason: '经核实确属迟报' })
    assert.equal(confirmed.statusCode, 200, confirmed.body)
    assert.equal(confirmed.json().review.decision, 'confirmed')
    server.clock = at('2026-10-02T09:10:00')
    const excused = await review(road.id, {
      decision: 'excused',
      reason: '事发即电话报告县政府值班室，系统补录晚1分钟',
    })
    assert.equal(excused.statusCode, 200, excused.body)
    assert.deepEqual(
      { ...excused.json().review, reviewedByName: typeof excused.json().review.reviewedByName },
      {
        decision: 'excused',
        decisionLabel: '核实不予通报',
        reason: '事发即电话报告县政府值班室，系统补录晚1分钟',
        reviewedByName: 'string',
        reviewedAt: at('2026-10-02T09:10:00').toISOString(),
      },
    )
    const flooded = await review(flood.id, { decision: 'confirmed', reason: '报告时已过30分钟' })
    assert.equal(flooded.statusCode, 200, flooded.body)

    // The register shows the reviews; the lines keep their facts (kind, minutes).
    assert.deepEqual(
      (await register()).map((l) => [l.incidentTitle, l.kind, l.minutesLate, l.review?.decision]),
      [
        ['夏乡山洪', 'late', 30, 'confirmed'],
        ['夏乡道路塌方', 'late', 1, 'excused'],
      ],
    )
    // Each review is audited, the second with the decision it replaced.
    const audits = await server.handle.db
      .selectFrom('audit_records')
      .select(['subject', 'details'])
      .where('action', '=', 'incident.lateEntryReview')
      .orderBy('occurred_at')
      .execute()
    assert.deepEqual(
      audits.map((a) => [
        a.subject,
        (a.details as { decision: string }).decision,
        (a.details as { previous: { decision: string } | null }).previous?.decision ?? null,
      ]),
      [
        [road.id, 'confirmed', null],
        [road.id, 'excused', 'confirmed'],
        [flood.id, 'confirmed', null],
      ],
    )

    // An excused line asked for by id is refused; the period's circular leaves it out.
    const asked = await duty.post('/api/duty/circulars', {
      from: '2026-10-01',
      to: '2026-10-03',
      entryIds: [road.id, flood.id],
    })
    assert.equal(asked.statusCode, 422, asked.body)
    assert.equal(asked.json().error.code, 'INCIDENT_ENTRY_EXCUSED')
    assert.match(asked.json().error.message, /不予通报/)
    const circular = await duty.post('/api/duty/circulars', {
      from: '2026-10-01',
      to: '2026-10-03',
    })
    assert.equal(circular.statusCode, 201, circular.body)
    assert.deepEqual(
      circular.json().lines.map((l: { entryId: string }) => l.entryId),
      [flood.id],
    )
    assert.doesNotMatch(circular.json().text, /道路塌方/)
    const again = await duty.post('/api/duty/circulars', { from: '2026-10-01', to: '2026-10-03' })
    assert.equal(again.json().error.code, 'INCIDENT_NOTHING_TO_CIRCULATE')

    // A circulated line is not reviewed again (the circular stands).
    const afterCircular = await review(flood.id, { decision: 'excused', reason: '补充说明' })
    assert.equal(afterCircular.statusCode, 403, afterCircular.body)
    assert.equal(afterCircular.json().error.code, 'INCIDENT_ENTRY_CIRCULATED')
  })
})
