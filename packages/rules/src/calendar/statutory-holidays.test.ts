import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { computeDeadline } from '../periods/compute-deadline.ts'
import { CIVIL_CODE_PERIOD_RULES } from '../periods/period-rules.ts'
import { missingYearWarnings } from '../periods/warnings.ts'
import { officialCalendarData } from './official-calendar.ts'
import { statutoryHolidayData, statutoryHolidays } from './statutory-holidays.ts'
import { createWorkingCalendar } from './working-calendar.ts'

const official = officialCalendarData()
const lastPackaged = Math.max(...official.covers)

describe('statutory holidays (全国年节及纪念日放假办法 第二条, 2024 amendment)', () => {
  for (const year of official.covers.filter((y) => y >= 2025)) {
    it(`are all holidays in the State Council's ${year} arrangement`, () => {
      const holidays = new Set(
        official.days.filter((d) => d.kind === 'holiday').map((day) => day.date),
      )
      const days = statutoryHolidays(year)
      assert.equal(days.length, 13)
      for (const day of days) assert.ok(holidays.has(day.date), `${day.date} ${day.name}`)
    })
  }

  it('lay out the 13 days of 第二条 in their year, with 除夕 the day before 正月初一', () => {
    for (let year = 2025; year < 2100; year += 1) {
      const days = statutoryHolidays(year)
      assert.equal(days.length, 13, String(year))
      // Only 中秋 can fall on a 国庆 day (2028: 八月十五 is 3 October); no other two coincide.
      assert.ok(new Set(days.map((d) => d.date)).size >= 12, String(year))
      for (const day of days) assert.ok(day.date.startsWith(`${year}-`), `${year}: ${day.date}`)
    }
    // 2027: 正月初一 is 6 February (腊月 has 29 days), so 除夕 is 5 February.
    const spring = statutoryHolidays(2027).filter((d) => d.name.startsWith('春节'))
    assert.deepEqual(
      spring.map((d) => d.date),
      ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
    )
  })

  it('apply in a year without a notice, and only the 调休 is left unknown', () => {
    const next = lastPackaged + 1
    const calendar = createWorkingCalendar([statutoryHolidayData([next]), official])
    assert.equal(calendar.yearStatus(next), 'statutory')
    assert.equal(calendar.hasYear(next), false)
    const newYear = calendar.day(`${next}-01-01`)
    assert.equal(newYear.workingDay, false)
    assert.equal(newYear.reason, 'holiday')
    assert.match(newYear.source?.title ?? '', /全国年节及纪念日放假办法/)
    const [warning] = missingYearWarnings(calendar, `${next}-01-01`, `${next}-01-05`)
    assert.equal(warning?.code, 'CALENDAR_YEAR_MISSING')
    assert.match(warning?.message ?? '', /法定节假日已按.*计入，仅调休.*未知/)
  })

  it('a deadline counted across 1 January of a year without a notice skips 元旦', () => {
    const next = lastPackaged + 1
    const withLaw = createWorkingCalendar([statutoryHolidayData([next]), official])
    const weekdaysOnly = createWorkingCalendar([official])
    const options = {
      start: `${lastPackaged}-12-30`,
      period: { amount: 3, unit: 'workingDay' as const },
      rules: CIVIL_CODE_PERIOD_RULES,
    }
    const lawful = computeDeadline({ ...options, calendar: withLaw })
    const guessed = computeDeadline({ ...options, calendar: weekdaysOnly })
    // The weekday guess counts 元旦 as a working day; the law's calendar counts the next one.
    assert.equal(
      weekdaysOnly.isWorkingDay(`${next}-01-01`),
      new Date(`${next}-01-01`).getUTCDay() % 6 !== 0,
    )
    assert.equal(withLaw.isWorkingDay(`${next}-01-01`), false)
    if (weekdaysOnly.isWorkingDay(`${next}-01-01`)) assert.ok(lawful.due > guessed.due)
    assert.equal(lawful.warnings[0]?.code, 'CALENDAR_YEAR_MISSING')
    assert.match(lawful.warnings[0]?.message ?? '', /仅调休/)
  })

  it('are ignored in a year a notice covers: the notice decides', () => {
    const calendar = createWorkingCalendar([statutoryHolidayData([2026]), official])
    assert.equal(calendar.yearStatus(2026), 'official')
    // 4 January 2026 is a Sunday the notice makes a working day; the law's layer must not touch it.
    assert.equal(calendar.isWorkingDay('2026-01-04'), true)
    assert.equal(calendar.day('2026-01-01').source?.title.includes('放假办法'), false)
  })
})
