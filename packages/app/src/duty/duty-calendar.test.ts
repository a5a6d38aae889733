import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addDays,
  createWorkingCalendar,
  datesFromTo,
  officialCalendarData,
  statutoryHolidays,
} from '@zhengling/rules'
import type { RulesPort } from '../rules-port.ts'
import { dutyDayOf, dutySpanOf, holidayPeriods, shiftsOfDay } from './duty-calendar.ts'
import type { DutyRosterData, DutyUnitRecord } from './duty-roster.ts'
import { planDutyRoster, shiftGaps } from './plan-duty-roster.ts'

const calendar = createWorkingCalendar([officialCalendarData()])
const rules = {
  calendarDay: (_j: string, date: string) => calendar.day(date),
  decide: () => ({ ok: false }),
} as unknown as RulesPort

describe('holiday periods from the official calendar', () => {
  for (const year of [2025, 2026]) {
    it(`${year}: one period per festival of 第二条, each a run of days off bounded by working days`, () => {
      const periods = holidayPeriods(rules, 'any', year)
      // 2025: 国庆节 and 中秋 fall together (10月1日至8日), one period named by both.
      assert.deepEqual(
        periods.map((p) => p.code),
        [
          'newYear',
          'springFestival',
          'qingming',
          'labourDay',
          'dragonBoat',
          ...(year === 2025 ? [] : ['midAutumn']),
          'nationalDay',
        ],
      )
      if (year === 2025) assert.equal(periods.at(-1)?.name, '国庆节、中秋')
      // Every statutory day of the year lies in a period of its festival.
      for (const day of statutoryHolidays(year))
        assert.ok(
          periods.some((p) => p.from <= day.date && day.date <= p.to),
          `${day.date} ${day.name} in no period`,
        )
      for (const period of periods) {
        for (const date of datesFromTo(period.from, period.to))
          assert.equal(calendar.isWorkingDay(date), false, `${period.name} ${date}`)
        assert.equal(calendar.isWorkingDay(addDays(period.from, -1)), true, period.name)
        assert.equal(calendar.isWorkingDay(addDays(period.to, 1)), true, period.name)
        assert.ok(period.source.length > 0)
      }
    })
  }

  it('2026 National Day is 10月1日至7日 and a holiday span asks it by code or name', () => {
    for (const holiday of ['nationalDay', '国庆节'])
      assert.deepEqual(
        (({ from, to }) => ({ from, to }))(dutySpanOf(rules, 'any', { holiday, year: 2026 })),
        { from: '2026-10-01', to: '2026-10-07' },
      )
    assert.throws(() => dutySpanOf(rules, 'any', { holiday: 'nope', year: 2026 }), {
      code: 'DUTY_HOLIDAY_UNKNOWN',
    })
    assert.throws(() => dutySpanOf(rules, 'any', { from: '2026-10-02', to: '2026-10-01' }), {
      code: 'DUTY_SPAN',
    })
  })

  it('sorts days: 调休 working Sunday, a weekend, a named holiday', () => {
    assert.equal(dutyDayOf(rules, 'any', '2026-09-20').dayType, 'workday')
    assert.equal(dutyDayOf(rules, 'any', '2026-09-19').dayType, 'restday')
    assert.deepEqual(dutyDayOf(rules, 'any', '2026-10-01'), {
      date: '2026-10-01',
      dayType: 'holiday',
      holidayName: '国庆节',
    })
  })
})

const unit: DutyUnitRecord = {
  id: 'u',
  jurisdictionId: 'any',
  departmentId: 'd',
  departmentName: '总值班室',
  rulebookPost: 'dutyOffice',
  season: null,
  seasonFrom: null,
  seasonTo: null,
  seasonBasis: null,
  shiftPattern: {
    workday: [
      { label: '白班', start: '08:30', end: '17:30', staff: 1 },
      { label: '夜班', start: '17:30', end: '08:30', staff: 1 },
    ],
    restday: [{ label: '全天', start: '08:30', end: '08:30', staff: 2 }],
    holiday: [{ label: '全天', start: '08:30', end: '08:30', staff: 2 }],
  },
  leaderPostIds: ['L1', 'L2'],
  staffPostIds: ['S1', 'S2', 'S3'],
}
const holder = (postId: string, personId: string) => ({
  postId,
  postTitle: postId,
  holders: [{ personId, name: personId, from: '2020-01-01', to: null }],
})
const data = (away: Record<string, [string, string]> = {}): DutyRosterData => ({
  shifts: [],
  candidates: [
    holder('L1', 'l1'),
    holder('L2', 'l2'),
    holder('S1', 's1'),
    holder('S2', 's2'),
    holder('S3', 's3'),
  ],
  people: ['l1', 'l2', 's1', 's2', 's3'].map((id) => ({
    personId: id,
    name: id,
    away: away[id] ? [{ from: away[id][0], to: away[id][1] }] : [],
  })),
})
let n = 0
const newId = () => `shift-${(n += 1)}`
const days = (from: string, to: string) =>
  datesFromTo(from, to).map((date) => dutyDayOf(rules, 'any', date))

describe('planning a roster', () => {
  it('takes each kind of day its shifts, in Beijing time (a night shift ends the next morning)', () => {
    const [day, night] = shiftsOfDay(unit.shiftPattern, dutyDayOf(rules, 'any', '2026-09-21'))
    assert.equal(day?.startsAt, '2026-09-21T00:30:00.000Z')
    assert.equal(day?.endsAt, '2026-09-21T09:30:00.000Z')
    assert.equal(night?.endsAt, '2026-09-22T00:30:00.000Z')
    const planned = planDutyRoster(unit, days('2026-09-18', '2026-09-21'), data(), undefined, newId)
    // Friday 2 shifts, Saturday 1, Sunday 20th (调休) 2, Monday 2.
    assert.deepEqual(
      planned.map((s) => `${s.startsAt.slice(5, 10)} ${s.label}`),
      [
        '09-18 白班',
        '09-18 夜班',
        '09-19 全天',
        '09-20 白班',
        '09-20 夜班',
        '09-21 白班',
        '09-21 夜班',
      ],
    )
    assert.deepEqual(
      planned.map((s) => s.leaderPersonId),
      ['l1', 'l2', 'l1', 'l2', 'l1', 'l2', 'l1'],
    )
    assert.deepEqual(planned[2]?.staffPersonIds, ['s3', 's1'])
  })

  it('skips whoever is away over the shift and leaves a shift nobody can stand empty, flagged', () => {
    const planned = planDutyRoster(
      unit,
      days('2026-10-01', '2026-10-02'),
      data({
        l1: ['2026-10-02', '2026-10-02'],
        l2: ['2026-10-02', '2026-10-02'],
        s1: ['2026-10-01', '2026-10-01'],
      }),
      undefined,
      newId,
    )
    // 10月1日 08:30 to 10月2日 08:30 touches the 2nd: both leaders away then.
    assert.equal(planned[0]?.leaderPersonId, null)
    assert.deepEqual(planned[0]?.staffPersonIds, ['s2', 's3'])
    const everyoneAway = data(
      Object.fromEntries(
        ['l1', 'l2', 's1', 's2', 's3'].map((id) => [id, ['2026-10-01', '2026-10-01']]),
      ),
    )
    const [empty] = planDutyRoster(
      unit,
      days('2026-10-01', '2026-10-01'),
      everyoneAway,
      undefined,
      newId,
    )
    assert.ok(empty)
    const gaps = shiftGaps(empty, unit, everyoneAway, {
      leaderOnCall: true,
      dayTypes: ['workday', 'restday', 'holiday'],
      seasonLabel: '全年',
      summary: '',
      citations: [
        { ruleId: 'r', source: '某县人民政府工作规则', article: '第八十八条', excerpt: '' },
      ],
    })
    assert.equal(gaps.uncovered, true)
    assert.deepEqual(gaps.issues, ['无人值班', '无带班领导（第八十八条要求领导带班）'])
  })

  it('keeps a seasonal unit to its season and the rule to its kinds of day', () => {
    const flood = { ...unit, season: 'floodSeason', seasonFrom: '06-01', seasonTo: '09-30' }
    const planned = planDutyRoster(
      flood,
      days('2026-09-29', '2026-10-02'),
      data(),
      undefined,
      newId,
    )
    assert.deepEqual([...new Set(planned.map((s) => s.startsAt.slice(5, 10)))], ['09-29', '09-30'])
    const holidaysOnly = planDutyRoster(
      unit,
      days('2026-09-30', '2026-10-02'),
      data(),
      {
        leaderOnCall: true,
        dayTypes: ['holiday'],
        seasonLabel: '全年',
        summary: '',
        citations: [],
      },
      newId,
    )
    assert.deepEqual(
      holidaysOnly.map((s) => s.startsAt.slice(5, 10)),
      ['10-01', '10-02'],
    )
  })
})
