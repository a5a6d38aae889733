import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { officialCalendarData } from '../calendar/official-calendar.ts'
import { createWorkingCalendar } from '../calendar/working-calendar.ts'
import { checkAdvanceNotice } from './advance-notice.ts'
import { computeDeadline, computeInstantDeadline } from './compute-deadline.ts'
import { CIVIL_CODE_PERIOD_RULES } from './period-rules.ts'

const calendar = createWorkingCalendar([officialCalendarData()])
const rules = CIVIL_CODE_PERIOD_RULES

describe('working-day periods', () => {
  it('does not count the start day and skips weekends', () => {
    // 2026-03-06 is a Friday: 3 working days are Mon 9, Tue 10, Wed 11.
    const result = computeDeadline({
      start: '2026-03-06',
      period: { amount: 3, unit: 'workingDay' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-03-11')
    assert.deepEqual(result.warnings, [])
  })

  it('skips the National Day holiday and counts the makeup working day', () => {
    // 2026-09-30 (Wed). 10-01..10-07 are holidays; then Thu 8, Fri 9, and Sat 10 is a makeup working day.
    const result = computeDeadline({
      start: '2026-09-30',
      period: { amount: 3, unit: 'workingDay' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-10-10')
    const over = computeDeadline({
      start: '2026-09-30',
      period: { amount: 4, unit: 'workingDay' },
      calendar,
      rules,
    })
    assert.equal(over.due, '2026-10-12')
  })

  it('warns loudly for a year with no official calendar instead of guessing silently', () => {
    const result = computeDeadline({
      start: '2026-12-30',
      period: { amount: 5, unit: 'workingDay' },
      calendar,
      rules,
    })
    assert.equal(result.warnings.length, 1)
    assert.equal(result.warnings[0]?.code, 'CALENDAR_YEAR_MISSING')
    assert.equal(result.warnings[0]?.year, 2027)
  })
})

describe('calendar-day periods (民法典 第二百零一条、第二百零三条)', () => {
  it('ends on the Nth day after the start day', () => {
    const result = computeDeadline({
      start: '2026-03-02',
      period: { amount: 7, unit: 'day' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-03-09')
    assert.deepEqual(result.applied, ['startDayExcluded'])
  })

  it('moves a last day on a holiday to the day after the holiday ends', () => {
    // 2026-09-24 + 7 days = 2026-10-01, National Day; the holiday ends 10-07, so 10-08.
    const result = computeDeadline({
      start: '2026-09-24',
      period: { amount: 7, unit: 'day' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-10-08')
    assert.ok(result.applied.includes('extendWhenLastDayIsRestDay'))
  })

  it('moves a last day on a weekend to the next working day', () => {
    // 2026-03-07 is a Saturday.
    const result = computeDeadline({
      start: '2026-03-04',
      period: { amount: 3, unit: 'day' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-03-09')
  })

  it('weeks are seven days each', () => {
    const result = computeDeadline({
      start: '2026-03-03',
      period: { amount: 2, unit: 'week' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-03-17')
  })

  it('counts the start day only when the rules say so', () => {
    const options = { start: '2026-03-03', period: { amount: 7, unit: 'day' as const }, calendar }
    assert.equal(computeDeadline({ ...options, rules }).due, '2026-03-10')
    assert.equal(
      computeDeadline({ ...options, rules: { ...rules, startDayExcluded: false } }).due,
      '2026-03-09',
    )
  })
})

describe('month periods (民法典 第二百零二条)', () => {
  it('ends on the corresponding day of the due month', () => {
    const result = computeDeadline({
      start: '2026-04-15',
      period: { amount: 1, unit: 'month' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-05-15')
  })

  it('ends on the month end when there is no corresponding day', () => {
    // 2026-01-31 + 1 month → 2026-02-28, a Saturday but a makeup working day (春节调休), so it stands.
    const result = computeDeadline({
      start: '2026-01-31',
      period: { amount: 1, unit: 'month' },
      calendar,
      rules,
    })
    assert.ok(result.applied.includes('monthEndWhenNoCorrespondingDay'))
    assert.equal(result.due, '2026-02-28')
  })

  it('a month end on a weekend moves to the next working day', () => {
    // 2026-03-31 + 2 months → 2026-05-31, a Sunday → Monday 2026-06-01.
    const result = computeDeadline({
      start: '2026-03-31',
      period: { amount: 2, unit: 'month' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2026-06-01')
  })

  it('years run on the corresponding day too', () => {
    const result = computeDeadline({
      start: '2024-02-29',
      period: { amount: 1, unit: 'year' },
      calendar,
      rules,
    })
    assert.equal(result.due, '2025-02-28')
  })
})

describe('hour periods', () => {
  it('run from the stated moment and are written in Asia/Shanghai', () => {
    const result = computeInstantDeadline('2026-03-02T23:30:00+08:00', { amount: 1, unit: 'hour' })
    assert.equal(result.due, '2026-03-03T00:30:00+08:00')
  })

  it('accept UTC input', () => {
    const result = computeInstantDeadline('2026-03-02T01:00:00Z', { amount: 30, unit: 'minute' })
    assert.equal(result.due, '2026-03-02T09:30:00+08:00')
  })
})

describe('advance notice', () => {
  it('"提前3天": the notice is due three days before the event', () => {
    const result = checkAdvanceNotice({
      event: '2026-03-12',
      period: { amount: 3, unit: 'day' },
      calendar,
      given: '2026-03-09',
    })
    assert.equal(result.latest, '2026-03-09')
    assert.equal(result.onTime, true)
    const late = checkAdvanceNotice({
      event: '2026-03-12',
      period: { amount: 3, unit: 'day' },
      calendar,
      given: '2026-03-10',
    })
    assert.equal(late.onTime, false)
  })

  it('"会前1周"', () => {
    const result = checkAdvanceNotice({
      event: '2026-03-12',
      period: { amount: 1, unit: 'week' },
      calendar,
    })
    assert.equal(result.latest, '2026-03-05')
    assert.equal(result.onTime, null)
  })

  it('working days are counted back on the official calendar', () => {
    // Event Thursday 2026-10-08; working days before it: 10-01..10-07 holidays, 09-30 (Wed), 09-29 (Tue).
    const result = checkAdvanceNotice({
      event: '2026-10-08',
      period: { amount: 2, unit: 'workingDay' },
      calendar,
    })
    assert.equal(result.latest, '2026-09-29')
  })
})
