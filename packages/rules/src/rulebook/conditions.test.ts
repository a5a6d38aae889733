import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  dateHolds,
  describeDates,
  matchScore,
  missingFacts,
  thresholdHolds,
  whenSchema,
} from './conditions.ts'

describe('date conditions read off a date by the rules core', () => {
  const firstWeek = { daysOfMonth: { from: 1, to: 7 } }
  it('holds on the first and seventh of a month, not the eighth (二连浩特 七十三)', () => {
    assert.equal(dateHolds(firstWeek, '2026-03-01'), true)
    assert.equal(dateHolds(firstWeek, '2026-03-07'), true)
    assert.equal(dateHolds(firstWeek, '2026-03-08'), false)
    assert.equal(dateHolds(firstWeek, '2026-02-28'), false)
  })
  it('reads months (每年6月份和12月份) and weekdays, Monday 1 to Sunday 7', () => {
    assert.equal(dateHolds({ months: [6, 12] }, '2026-06-30'), true)
    assert.equal(dateHolds({ months: [6, 12] }, '2026-07-01'), false)
    // 2026-03-02 was a Monday, 2026-03-01 a Sunday.
    assert.equal(dateHolds({ weekdays: [1] }, '2026-03-02'), true)
    assert.equal(dateHolds({ weekdays: [7] }, '2026-03-01'), true)
    assert.equal(dateHolds({ weekdays: [1] }, '2026-03-01'), false)
  })
  it('joins its parts by 且: the first Monday of a month (木里 第九十三条)', () => {
    const firstMonday = { daysOfMonth: { from: 1, to: 7 }, weekdays: [1] }
    const mondays = ['2026-03-02', '2026-03-09', '2026-04-06', '2026-04-13'].filter((d) =>
      dateHolds(firstMonday, d),
    )
    assert.deepEqual(mondays, ['2026-03-02', '2026-04-06'])
  })
  it('never holds on a date that does not exist', () => {
    assert.equal(dateHolds(firstWeek, '2026-02-30'), false)
  })
  it('is said in words', () => {
    assert.equal(describeDates(firstWeek), '每月1日至7日')
    assert.equal(describeDates({ months: [6, 12] }), '6月、12月')
  })
  it('refuses an empty or backwards condition in a rulebook', () => {
    assert.equal(whenSchema.safeParse({ dates: {} }).success, false)
    assert.equal(
      whenSchema.safeParse({ dates: { daysOfMonth: { from: 8, to: 7 } } }).success,
      false,
    )
    assert.equal(whenSchema.safeParse({ dates: { weekdays: [0] } }).success, false)
  })
})

describe('thresholds joined to the other conditions', () => {
  const half = {
    quantity: 'unitHeadsAttending',
    label: '半数以上',
    from: { value: 0.5, inclusive: true },
  }
  it('counts a share without rounding: 半数以上 includes exactly half (托克逊 五十九)', () => {
    assert.equal(thresholdHolds(half, { count: 10, total: 20 }), true)
    assert.equal(thresholdHolds(half, { count: 9, total: 20 }), false)
    assert.equal(thresholdHolds(half, { count: 3, total: 5 }), true)
    assert.equal(thresholdHolds(half, { count: 2, total: 5 }), false)
  })
  it('excludes the number for 超过 (inclusive false)', () => {
    const over = { ...half, from: { value: 0.5, inclusive: false } }
    assert.equal(thresholdHolds(over, { count: 10, total: 20 }), false)
    assert.equal(thresholdHolds(over, { count: 11, total: 20 }), true)
  })
  it('reads plain numbers and upper bounds', () => {
    const band = {
      quantity: 'amount',
      label: '20万元以上不满50万元',
      from: { value: 200000, inclusive: true },
      upTo: { value: 500000, inclusive: false },
    }
    assert.equal(thresholdHolds(band, 200000), true)
    assert.equal(thresholdHolds(band, 499999), true)
    assert.equal(thresholdHolds(band, 500000), false)
    assert.equal(thresholdHolds(band, 199999), false)
  })
  it('never holds over an empty total', () => {
    assert.equal(thresholdHolds(half, { count: 0, total: 0 }), false)
  })
  it('refuses a threshold with no bound', () => {
    assert.equal(
      whenSchema.safeParse({ thresholds: [{ quantity: 'x', label: 'x' }] }).success,
      false,
    )
  })
})

describe('matchScore over the new facts', () => {
  it('matches categories when any of the facts’ categories is listed', () => {
    const when = { categories: ['personnelAppointment'] }
    assert.equal(matchScore(when, { categories: ['normativeDocument', 'personnelAppointment'] }), 1)
    assert.equal(matchScore(when, { categories: ['normativeDocument'] }), -1)
    assert.equal(matchScore(when, { categories: [] }), -1)
    // The single category fact still selects as before.
    assert.equal(matchScore(when, { category: 'personnelAppointment' }), 1)
  })
  it('fails a date condition without a date, and counts it once with one', () => {
    const when = { meetings: ['standing'], dates: { daysOfMonth: { from: 1, to: 7 } } }
    assert.equal(matchScore(when, { meeting: 'standing' }), -1)
    assert.equal(matchScore(when, { meeting: 'standing', date: '2026-03-03' }), 2)
    assert.equal(matchScore(when, { meeting: 'standing', date: '2026-03-13' }), -1)
  })
  it('needs every threshold (且), each counting as a condition', () => {
    const when = {
      thresholds: [
        { quantity: 'amount', label: '20万元以上', from: { value: 200000, inclusive: true } },
        { quantity: 'ratio', label: '15%以上', from: { value: 0.15, inclusive: true } },
      ],
    }
    assert.equal(matchScore(when, { quantities: { amount: 250000, ratio: 0.15 } }), 2)
    assert.equal(matchScore(when, { quantities: { amount: 250000, ratio: 0.1 } }), -1)
    assert.equal(matchScore(when, { quantities: { amount: 250000 } }), -1)
  })
  it('names the facts a date or threshold condition still needs', () => {
    const when = {
      dates: { months: [6] },
      thresholds: [{ quantity: 'share', label: '半数', from: { value: 0.5, inclusive: true } }],
    }
    assert.deepEqual(missingFacts(when, {}), ['date', 'quantities.share'])
    assert.deepEqual(missingFacts(when, { date: '2026-06-01', quantities: { share: 1 } }), [])
    assert.deepEqual(missingFacts(undefined, {}), [])
  })
})
