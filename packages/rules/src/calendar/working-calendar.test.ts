import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { calendarDataSchema } from './calendar-data.ts'
import { officialCalendarData } from './official-calendar.ts'
import { createWorkingCalendar } from './working-calendar.ts'

const official = officialCalendarData()

describe('working calendar', () => {
  it('knows holidays and makeup working days from the official data', () => {
    const calendar = createWorkingCalendar([official])
    assert.equal(calendar.day('2026-10-01').reason, 'holiday')
    assert.equal(calendar.isWorkingDay('2026-10-10'), true) // Saturday, makeup working day
    assert.equal(calendar.day('2026-10-10').reason, 'makeupWorkday')
    assert.equal(calendar.day('2026-03-07').reason, 'weekend')
  })

  it('marks dates in years without data instead of guessing silently', () => {
    const calendar = createWorkingCalendar([official])
    const last = Math.max(...official.covers)
    assert.equal(calendar.hasYear(last + 1), false)
    assert.equal(calendar.day(`${last + 1}-03-03`).reason, 'unknownYear')
  })

  it('a national data file completes a new year; a regional one adds days but completes none', () => {
    const next = calendarDataSchema.parse({
      calendar: 'national-test',
      scope: 'national',
      covers: [2099],
      source: { title: '测试通知' },
      days: [{ date: '2099-01-01', kind: 'holiday', name: '元旦' }],
    })
    const regional = calendarDataSchema.parse({
      calendar: 'regional-test',
      scope: 'regional',
      region: '测试自治区',
      covers: [2098],
      source: { title: '自治区人民政府通知' },
      days: [
        {
          date: '2026-03-04',
          kind: 'holiday',
          name: '测试节',
          source: { title: '专项通知', reference: '测政发〔2026〕1号' },
        },
      ],
    })
    const calendar = createWorkingCalendar([official, next, regional])
    assert.equal(calendar.hasYear(2099), true)
    assert.equal(calendar.hasYear(2098), false)
    assert.equal(calendar.isWorkingDay('2026-03-04'), false)
    assert.equal(calendar.day('2026-03-04').source?.reference, '测政发〔2026〕1号')
    assert.equal(calendar.day('2099-01-01').source?.title, '测试通知')
  })

  it('rejects calendar entries without a valid date', () => {
    const parsed = calendarDataSchema.safeParse({
      calendar: 'x',
      scope: 'national',
      source: { title: 't' },
      days: [{ date: '2026-02-30', kind: 'holiday', name: 'x' }],
    })
    assert.equal(parsed.success, false)
  })
})
