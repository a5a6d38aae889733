import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { IncidentRecord, StepChannel } from './incident.ts'
import { minutesLate, satisfyFollowUps, satisfySteps, stepsOf } from './incident-steps.ts'
import { incidentSummaryOf } from './view-incident.ts'

let ids = 0
const newId = () => `id-${(ids += 1)}`

function incident(channels: StepChannel[]): IncidentRecord {
  return {
    id: 'incident-1',
    jurisdictionId: 'muli',
    reportingDepartmentId: 'unit-1',
    category: 'suddenIncident',
    categoryLabel: '突发事件',
    title: '山体滑坡',
    place: '',
    occurredAt: '2026-10-01T15:10:00.000Z',
    knownAt: null,
    clockFrom: '2026-10-01T15:10:00.000Z',
    status: 'open',
    steps: stepsOf(
      channels.map((channel, index) => ({
        act: `step${index}`,
        label: `第${index + 1}步`,
        within: { amount: index + 1, unit: 'hour' },
        // The rulebook's answer may carry an offset: kept as one UTC shape.
        due: new Date(Date.parse('2026-10-01T23:10:00+08:00') + (index + 1) * 3_600_000)
          .toISOString()
          .replace('Z', '+00:00'),
        channel,
      })),
    ),
    elements: [],
    ruleIds: ['muli.incident.report'],
    secrecy: 'internal',
    createdByPersonId: 'p',
    createdByPostId: null,
    createdAt: '2026-10-01T15:20:00.000Z',
    closedAt: null,
    version: 1,
  }
}

describe('incident steps', () => {
  it('keep the period as the article gives it and the due instant in UTC', () => {
    const [first, second] = incident(['phone', 'written']).steps
    assert.equal(first?.within, '1小时')
    assert.equal(first?.due, '2026-10-01T16:10:00.000Z')
    assert.equal(second?.within, '2小时')
    assert.equal(
      stepsOf([
        { act: 'a', label: 'a', within: { amount: 0, unit: 'minute' }, due: first?.due ?? '' },
      ])[0]?.within,
      '立即',
    )
  })

  for (const [channel, satisfied] of [
    ['phone', ['step0', 'step2']],
    ['written', ['step1', 'step2']],
  ] as const)
    it(`a ${channel} report satisfies the open steps of its channel and of either`, () => {
      const record = incident(['phone', 'written', 'any'])
      const { steps, late } = satisfySteps(
        record,
        { id: 'r1', channel, at: '2026-10-01T15:30:00.000Z' },
        newId,
      )
      assert.deepEqual(
        steps.filter((s) => s.reportId === 'r1').map((s) => s.act),
        satisfied,
      )
      assert.deepEqual(late, [])
    })

  it('a step satisfied after its due is a 迟报 line with its minutes, rounded up', () => {
    const record = incident(['phone', 'written'])
    const { late } = satisfySteps(
      record,
      { id: 'r1', channel: 'written', at: '2026-10-01T17:40:00.001Z' },
      newId,
    )
    assert.deepEqual(
      late.map((l) => [l.kind, l.stepAct, l.minutesLate, l.entryKey]),
      [['late', 'step1', 31, 'incident-1:step1']],
    )
    assert.equal(minutesLate('2026-10-01T17:10:00.000Z', '2026-10-01T17:10:00.000Z'), 0)
  })

  it('a step already satisfied is not satisfied again', () => {
    const record = incident(['any'])
    const once = satisfySteps(
      record,
      { id: 'r1', channel: 'phone', at: '2026-10-01T15:30:00.000Z' },
      newId,
    )
    const twice = satisfySteps(
      { ...record, steps: once.steps },
      { id: 'r2', channel: 'written', at: '2026-10-01T18:30:00.000Z' },
      newId,
    )
    assert.equal(twice.steps[0]?.reportId, 'r1')
    assert.deepEqual(twice.late, [])
  })

  it('a 续报 satisfies the open requests; those past their time are lines with minutes', () => {
    const record = incident([])
    const requests = [
      { due: '2026-10-01T18:00:00.000Z', satisfied: null },
      { due: '2026-10-01T20:00:00.000Z', satisfied: null },
      { due: '2026-10-01T17:00:00.000Z', satisfied: 'r0' },
    ].map((r, i) => ({
      id: `f${i}`,
      incidentId: record.id,
      dueAt: r.due,
      note: '',
      requestedByPersonId: 'p',
      requestedAt: '2026-10-01T16:00:00.000Z',
      satisfiedReportId: r.satisfied,
    }))
    const { ids: satisfied, late } = satisfyFollowUps(
      record,
      requests,
      '2026-10-01T18:15:00.000Z',
      newId,
    )
    assert.deepEqual(satisfied, ['f0', 'f1'])
    assert.deepEqual(
      late.map((l) => [l.kind, l.followUpRequestId, l.minutesLate, l.entryKey]),
      [['follow-up-overdue', 'f0', 15, 'follow-up:f0']],
    )
  })
})

describe('a step due at once (立即, a period of zero)', () => {
  // 托克逊 七十六 "立即" is 0 minutes: the view shows 立即 and the time since the clock started,
  // never a countdown; any other period counts down. Derived from the period, not the rule's kind.
  const periods = [
    { amount: 0, unit: 'minute', immediate: true, within: '立即' },
    { amount: 0, unit: 'hour', immediate: true, within: '立即' },
    { amount: 1, unit: 'minute', immediate: false, within: '1分钟' },
    { amount: 1, unit: 'hour', immediate: false, within: '1小时' },
  ] as const
  for (const period of periods) {
    it(`${period.amount} ${period.unit}: immediate ${period.immediate}`, () => {
      const clockFrom = '2026-10-01T15:10:00.000Z'
      const ms = period.unit === 'hour' ? 3_600_000 : 60_000
      const record: IncidentRecord = {
        ...incident([]),
        steps: stepsOf([
          {
            act: 'reportToDutyOffice',
            label: '报告县政府值班室',
            within: { amount: period.amount, unit: period.unit },
            due: new Date(Date.parse(clockFrom) + period.amount * ms).toISOString(),
          },
        ]),
      }
      const [step] = incidentSummaryOf(record, '夏乡', '2026-10-01T15:17:30.000Z').steps
      assert.equal(step?.within, period.within)
      assert.equal(step?.immediate, period.immediate)
      assert.equal(step?.secondsSinceStart, 450)
    })
  }
})
