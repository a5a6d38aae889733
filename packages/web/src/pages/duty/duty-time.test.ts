import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { TimedStep } from '../../api/duty.ts'
import {
  beijingInstant,
  beijingLocal,
  formatSpan,
  formatWithin,
  minutesOf,
  PassingLedger,
  shanghaiShort,
  stepState,
} from './duty-time.ts'

describe('duty countdowns', () => {
  it('reads the periods the server sends, in any of its spellings', () => {
    const cases: [TimedStep['within'], string, number | null][] = [
      [{ amount: 1, unit: 'hour' }, '1小时', 60],
      ['2 hours', '2小时', 120],
      ['2hour', '2小时', 120],
      ['30 minutes', '30分钟', 30],
      ['5小时', '5小时', 300],
      [{ amount: 0, unit: 'minute' }, '立即', 0],
      ['立即', '立即', 0],
      [{ amount: 3, unit: 'workingDay' }, '3个工作日', null],
    ]
    for (const [within, words, minutes] of cases) {
      assert.equal(formatWithin(within), words, JSON.stringify(within))
      assert.equal(minutesOf(within), minutes, JSON.stringify(within))
    }
  })

  it('takes a datetime-local value as Beijing wall time, whatever the browser zone', () => {
    assert.equal(beijingInstant('2026-09-28T23:10'), '2026-09-28T23:10:00+08:00')
    assert.equal(Date.parse(beijingInstant('2026-09-28T23:10')), Date.parse('2026-09-28T15:10:00Z'))
    assert.equal(beijingLocal(Date.parse('2026-09-28T15:10:00Z')), '2026-09-28T23:10')
    assert.equal(shanghaiShort('2026-09-28T17:10:00Z'), '09-29 01:10')
  })

  it('writes a span as hours:minutes:seconds, past a day and past due alike', () => {
    assert.equal(formatSpan(0), '0:00:00')
    assert.equal(formatSpan(3_599_000), '0:59:59')
    assert.equal(formatSpan(-61_000), '0:01:01')
    assert.equal(formatSpan(27 * 3_600_000), '27:00:00')
  })

  it('states each step at the server time given, never the browser clock', () => {
    const due = '2026-09-29T01:10:00+08:00'
    const step = (extra: Partial<TimedStep>): TimedStep => ({
      act: 'writtenReport',
      label: '书面上报',
      within: '2 hours',
      due,
      satisfiedAt: null,
      ...extra,
    })
    const t = (time: string) => Date.parse(`2026-09-29T${time}:00+08:00`)
    const cases: [Partial<TimedStep>, number | null, string][] = [
      [{}, t('00:05'), 'open'],
      [{}, t('00:56'), 'soon'],
      [{}, t('01:10'), 'overdue'],
      [{}, null, 'open'],
      [{ overdueAt: due }, null, 'overdue'],
      [{ state: 'overdue' }, t('00:05'), 'overdue'],
      [{ satisfiedAt: '2026-09-29T01:09:00+08:00' }, t('03:00'), 'done'],
      [{ satisfiedAt: '2026-09-29T01:25:00+08:00', overdueAt: due }, t('03:00'), 'doneLate'],
    ]
    for (const [extra, now, expected] of cases)
      assert.equal(stepState(step(extra), now), expected, `${JSON.stringify(extra)} at ${now}`)
  })
})

describe('a deadline passing alerts once on a board', () => {
  const due = '2026-09-29T01:10:00+08:00'
  const incident = (satisfiedAt: string | null = null) => ({
    id: 'fire',
    steps: [{ act: 'writtenReport', label: '书面上报', within: '2小时', due, satisfiedAt }],
  })
  const t = (time: string) => Date.parse(`2026-09-29T${time}:00+08:00`)

  it('the countdown reaching zero first: the server report that follows is not news', () => {
    const ledger = new PassingLedger()
    assert.deepEqual(ledger.passedAt([incident()], t('01:09')), [])
    assert.deepEqual(ledger.passedAt([incident()], t('01:10')), ['fire'])
    assert.deepEqual(ledger.passedAt([incident()], t('01:11')), [], 'once, not every second')
    assert.equal(ledger.serverPassed('fire'), false)
    assert.equal(ledger.serverPassed('fire'), true, 'a later passing is news again')
  })

  it('the server first: the countdown reaching zero on the next answer is the same passing', () => {
    const ledger = new PassingLedger()
    assert.deepEqual(ledger.passedAt([incident()], t('00:55')), [])
    assert.equal(ledger.serverPassed('fire'), true)
    assert.deepEqual(ledger.passedAt([incident()], t('01:11')), [])
  })

  it('a step never seen counting down (opened late, or done) raises nothing', () => {
    const ledger = new PassingLedger()
    assert.deepEqual(ledger.passedAt([incident()], t('01:30')), [])
    assert.deepEqual(ledger.passedAt([incident('2026-09-29T01:00:00+08:00')], t('00:30')), [])
    assert.deepEqual(ledger.passedAt([incident('2026-09-29T01:00:00+08:00')], t('01:30')), [])
  })
})
