import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addMonthsClamped, dayOfWeek, fromEpochDay, isLocalDate, toEpochDay } from './local-date.ts'

describe('local dates', () => {
  it('day numbers agree with the platform calendar for every day from 1900 to 2200', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000
    const last = Date.UTC(2200, 11, 31) / 86_400_000
    for (let day = first; day <= last; day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
      if (toEpochDay(iso) !== day || fromEpochDay(day) !== iso) assert.fail(`mismatch at ${iso}`)
    }
    assert.equal(dayOfWeek('2026-11-22'), 0)
    assert.equal(dayOfWeek('1970-01-01'), 4)
  })

  it('rejects dates that do not exist', () => {
    assert.equal(isLocalDate('2026-02-29'), false)
    assert.equal(isLocalDate('2028-02-29'), true)
    assert.equal(isLocalDate('2026-13-01'), false)
    assert.equal(isLocalDate('2026-3-1'), false)
  })

  it('month arithmetic clamps to the month end (民法典 第二百零二条)', () => {
    assert.equal(addMonthsClamped('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonthsClamped('2028-01-31', 1), '2028-02-29')
    assert.equal(addMonthsClamped('2026-03-31', -1), '2026-02-28')
    assert.equal(addMonthsClamped('2026-11-30', 3), '2027-02-28')
  })
})
