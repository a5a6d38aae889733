import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { officialCalendarData } from './official-calendar.ts'
import { createWorkingCalendar } from './working-calendar.ts'
import { workingDaysLeft } from './working-days-left.ts'

const calendar = createWorkingCalendar([officialCalendarData()])

describe('working days left', () => {
  it('counts working days to the due date, skipping weekends and holidays', () => {
    assert.equal(workingDaysLeft(calendar, '2026-03-02', '2026-03-02'), 0)
    assert.equal(workingDaysLeft(calendar, '2026-03-02', '2026-03-05'), 3)
    // Friday to Monday is one working day.
    assert.equal(workingDaysLeft(calendar, '2026-03-06', '2026-03-09'), 1)
    // 国庆: from 30 September the next working day is 8 October.
    assert.equal(workingDaysLeft(calendar, '2026-09-30', '2026-10-08'), 1)
  })

  it('counts overdue working days as negative', () => {
    assert.equal(workingDaysLeft(calendar, '2026-03-09', '2026-03-06'), -1)
    assert.equal(workingDaysLeft(calendar, '2026-03-10', '2026-03-05'), -3)
  })
})
