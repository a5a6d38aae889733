import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { NOTICE_2025, NOTICE_2026 } from '../test-support/holiday-notices.ts'
import { parseHolidayNotice } from './holiday-notice.ts'
import { officialCalendarData } from './official-calendar.ts'

const official = officialCalendarData()

function packaged(year: number, kind: 'holiday' | 'makeupWorkday'): string[] {
  return official.days
    .filter((day) => day.kind === kind && day.date.startsWith(`${year}-`))
    .map((day) => day.date)
    .sort()
}

function parsed(text: string) {
  const result = parseHolidayNotice(text)
  if (!result.ok) assert.fail(JSON.stringify(result.problems))
  return result
}

describe('the State Council holiday notice', () => {
  for (const [year, text] of [
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ] as const) {
    it(`reads the ${year} notice day by day as the packaged data has it`, () => {
      const notice = parsed(text)
      assert.equal(notice.year, year)
      assert.deepEqual(notice.data.covers, [year])
      const of = (kind: 'holiday' | 'makeupWorkday') =>
        notice.data.days
          .filter((day) => day.kind === kind)
          .map((day) => day.date)
          .sort()
      assert.deepEqual(of('holiday'), packaged(year, 'holiday'))
      assert.deepEqual(of('makeupWorkday'), packaged(year, 'makeupWorkday'))
    })
  }

  it('names each day after its festival, and the 调休 days after theirs', () => {
    const notice = parsed(NOTICE_2025)
    assert.deepEqual(
      notice.items.map((item) => [item.name, item.holidays.length, item.makeupWorkdays.length]),
      [
        ['元旦', 1, 0],
        ['春节', 8, 2],
        ['清明节', 3, 0],
        ['劳动节', 5, 1],
        ['端午节', 3, 0],
        ['国庆节、中秋节', 8, 2],
      ],
    )
    const day = notice.data.days.find((d) => d.date === '2025-01-26')
    assert.deepEqual(day, { date: '2025-01-26', kind: 'makeupWorkday', name: '春节调休上班' })
  })

  it('reads a notice pasted as one paragraph with half-width punctuation', () => {
    const flat = NOTICE_2026.replace(/\n/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/：/g, ':')
    assert.deepEqual(parsed(flat).data.days, parsed(NOTICE_2026).data.days)
  })

  it('reads dates that name their year, across the turn of the year', () => {
    const notice = parsed(
      '国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。',
    )
    assert.deepEqual(notice.items[0]?.holidays, ['2018-12-30', '2018-12-31', '2019-01-01'])
    assert.deepEqual(notice.items[0]?.makeupWorkdays, ['2018-12-29'])
  })

  it('refuses a weekday that does not match its date, naming the line', () => {
    const result = parseHolidayNotice(
      NOTICE_2026.replace('1月4日（周日）上班', '1月4日（周一）上班'),
    )
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.equal(result.problems.length, 1)
    assert.match(result.problems[0]?.message ?? '', /2026-01-04 是周日，通知写作“周一”/)
  })

  it('refuses a count of days that does not match the range', () => {
    const result = parseHolidayNotice(NOTICE_2026.replace('共9天', '共8天'))
    assert.equal(result.ok, false)
    if (!result.ok) assert.match(result.problems[0]?.message ?? '', /共8天.*9 天/)
  })

  it('refuses a day arranged twice, and a text without a year or items', () => {
    const twice = parseHolidayNotice(
      NOTICE_2026.replace('9月20日（周日）、10月10日（周六）上班', '9月27日（周日）上班'),
    )
    assert.equal(twice.ok, false)
    if (!twice.ok) assert.match(twice.problems.map((p) => p.message).join(), /2026-09-27/)
    const noYear = parseHolidayNotice('一、元旦：1月1日放假1天。')
    assert.equal(noYear.ok, false)
    const noItems = parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n另行通知。')
    assert.equal(noItems.ok, false)
    if (!noItems.ok) assert.match(noItems.problems[0]?.message ?? '', /未读到任何放假安排/)
  })

  it('refuses a range that ends before it starts and an impossible date', () => {
    const backwards = parseHolidayNotice(
      '国务院办公厅关于2027年部分节假日安排的通知\n一、国庆节：10月5日至3日放假，共3天。',
    )
    assert.equal(backwards.ok, false)
    if (!backwards.ok) assert.match(backwards.problems[0]?.message ?? '', /早于起始日期/)
    const impossible = parseHolidayNotice(
      '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：2月30日放假1天。',
    )
    assert.equal(impossible.ok, false)
  })
})
