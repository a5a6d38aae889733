import { addDays, type CalendarDayInfo, type Citation, datesFromTo } from '@zhengling/rules'
import { ask } from '../documents/document-rules.ts'
import { InvalidInputError } from '../errors.ts'
import type { RulesPort } from '../rules-port.ts'
import type { DutyDayType, DutyShiftPattern, DutyUnitRecord } from './duty-roster.ts'

/** The longest span a roster is generated, shown or published at once (a quarter). */
export const DUTY_SPAN_MAX_DAYS = 93

/** The festivals of 《全国年节及纪念日放假办法》 第二条 by the names the official calendar gives them. */
const HOLIDAY_CODES: readonly [code: string, names: readonly string[]][] = [
  ['newYear', ['元旦']],
  ['springFestival', ['春节', '春节（除夕）']],
  ['qingming', ['清明节', '清明']],
  ['labourDay', ['劳动节']],
  ['dragonBoat', ['端午节', '端午']],
  ['midAutumn', ['中秋节', '中秋']],
  ['nationalDay', ['国庆节', '国庆']],
]

/** A holiday period of a year as the official calendar gives it (放假期间, weekends joined). */
export interface HolidayPeriod {
  code: string
  name: string
  from: string
  to: string
  /** The notice (or the law) the days come from. */
  source: string
}

/** A day on the jurisdiction's calendar, as the roster sorts it. */
export interface DutyDay {
  date: string
  dayType: DutyDayType
  holidayName: string | null
}

function calendarDayOf(rules: RulesPort, jurisdictionId: string, date: string): CalendarDayInfo {
  if (!rules.calendarDay)
    throw new InvalidInputError('DUTY_NO_CALENDAR', '未载入日历，无法区分工作日和节假日')
  return rules.calendarDay(jurisdictionId, date)
}

/** 工作日, 双休日 or 节假日 of a day on the jurisdiction's calendar (a 调休 day is a working day). */
export function dutyDayOf(rules: RulesPort, jurisdictionId: string, date: string): DutyDay {
  const info = calendarDayOf(rules, jurisdictionId, date)
  if (info.workingDay) return { date, dayType: 'workday', holidayName: null }
  if (info.reason === 'holiday') return { date, dayType: 'holiday', holidayName: info.name ?? null }
  return { date, dayType: 'restday', holidayName: null }
}

/**
 * The holiday periods of a year from the official calendar: each run of days off holding a named
 * holiday (国庆节 2026: 10月1日至7日), named by its festival.
 */
export function holidayPeriods(
  rules: RulesPort,
  jurisdictionId: string,
  year: number,
): HolidayPeriod[] {
  const periods: HolidayPeriod[] = []
  let run: { from: string; to: string; names: string[]; source: string } | undefined
  const close = () => {
    if (run && run.names.length > 0) {
      // Named by its festivals (国庆节、中秋 when they join), coded by the first.
      const first = run.names[0] as string
      const code = HOLIDAY_CODES.find(([, names]) => names.includes(first))?.[0] ?? first
      periods.push({
        code,
        name: run.names.join('、'),
        from: run.from,
        to: run.to,
        source: run.source,
      })
    }
    run = undefined
  }
  // Scan from the last week of the year before to the first of the next, so a period across
  // the new year is whole; keep those that touch the year.
  for (const date of datesFromTo(`${year - 1}-12-25`, `${year + 1}-01-07`)) {
    const info = calendarDayOf(rules, jurisdictionId, date)
    if (info.workingDay) {
      close()
      continue
    }
    run ??= { from: date, to: date, names: [], source: '' }
    run.to = date
    if (info.reason === 'holiday' && info.name) {
      const name = info.name.replace(/（.*）$/, '')
      if (!run.names.includes(name)) run.names.push(name)
      run.source ||= info.source?.title ?? ''
    }
  }
  close()
  return periods.filter((p) => p.to >= `${year}-01-01` && p.from <= `${year}-12-31`)
}

/** The span of a roster: dates asked, or a holiday period of a year. */
export function dutySpanOf(
  rules: RulesPort,
  jurisdictionId: string,
  input: { from?: string; to?: string; holiday?: string; year?: number },
): { from: string; to: string; holiday: HolidayPeriod | null } {
  if (input.holiday !== undefined) {
    const year = input.year ?? Number((input.from ?? '').slice(0, 4))
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new InvalidInputError('DUTY_HOLIDAY_YEAR', '请选择节假日所在的年份')
    const holiday = holidayPeriods(rules, jurisdictionId, year).find(
      (p) => p.code === input.holiday || p.name === input.holiday,
    )
    if (!holiday)
      throw new InvalidInputError('DUTY_HOLIDAY_UNKNOWN', `日历中没有${year}年的这个节假日`)
    return { from: holiday.from, to: holiday.to, holiday }
  }
  if (!input.from || !input.to) throw new InvalidInputError('DUTY_SPAN', '请给出起止日期或节假日')
  const days = datesFromTo(input.from, input.to).length
  if (days === 0 || days > DUTY_SPAN_MAX_DAYS)
    throw new InvalidInputError(
      'DUTY_SPAN',
      `值班期间须为1至${DUTY_SPAN_MAX_DAYS}天，且结束日期不早于开始日期`,
    )
  return { from: input.from, to: input.to, holiday: null }
}

/** An instant of a civil date and 'HH:MM' in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString()
}

/** The instants bounding the shifts that start on the dates [from, to]. */
export function spanInstants(from: string, to: string) {
  return {
    from: shanghaiInstant(from, '00:00'),
    to: shanghaiInstant(addDays(to, 1), '00:00'),
    fromDate: from,
    toDate: addDays(to, 1),
  }
}

/** The shifts a day takes by the unit's pattern, as instants. */
export function shiftsOfDay(pattern: DutyShiftPattern, day: DutyDay) {
  return (pattern[day.dayType] ?? []).map((template) => ({
    template,
    startsAt: shanghaiInstant(day.date, template.start),
    endsAt: shanghaiInstant(
      template.end <= template.start ? addDays(day.date, 1) : day.date,
      template.end,
    ),
  }))
}

/** What the rulebook says of a unit's duty (duty-system), if anything. */
export interface DutyRuleOfUnit {
  leaderOnCall: boolean
  dayTypes: DutyDayType[]
  seasonLabel: string
  citations: Citation[]
  summary: string
}

/** Whether a date 'YYYY-MM-DD' falls in a season 'MM-DD'–'MM-DD' (to < from: over the new year). */
export function inSeason(date: string, from: string | null, to: string | null): boolean {
  if (!from || !to) return true
  const day = date.slice(5)
  return from <= to ? from <= day && day <= to : day >= from || day <= to
}

/**
 * The rulebook's duty system for a unit (木里 第八十八条, 钟山 第五十七条, 托克逊 七十六): whether a
 * leader is on call and on which kinds of day, for the unit's department and season. Undefined
 * when no rule names the unit (a unit the county keeps on its own).
 */
export function dutyRuleOf(
  rules: RulesPort,
  unit: Pick<DutyUnitRecord, 'jurisdictionId' | 'rulebookPost' | 'season'>,
  on: string,
): DutyRuleOfUnit | undefined {
  if (!unit.rulebookPost) return undefined
  const answer = ask<{
    units: {
      post: string
      season: string
      seasonLabel: string
      leaderOnCall: boolean
      dayTypes: DutyDayType[]
      ruleId: string
    }[]
  }>(rules, unit.jurisdictionId, 'duty-system', { on })
  if (!answer) return undefined
  const entry = answer.outcome.units.find(
    (u) => u.post === unit.rulebookPost && u.season === (unit.season ?? 'yearRound'),
  )
  if (!entry) return undefined
  return {
    leaderOnCall: entry.leaderOnCall,
    dayTypes: entry.dayTypes,
    seasonLabel: entry.seasonLabel,
    citations: answer.citations.filter((c) => c.ruleId === entry.ruleId),
    summary: answer.summary,
  }
}

/** The seasons the rulebook dates (汛期, 防火期), for a unit created for one. */
export function dutySeasonsOf(rules: RulesPort, jurisdictionId: string, on: string) {
  const answer = ask<{
    seasons: { code: string; label: string; from: string; to: string; ruleId: string }[]
  }>(rules, jurisdictionId, 'duty-system', { on })
  if (!answer) return []
  return answer.outcome.seasons.map((season) => ({
    ...season,
    citation: answer.citations.find((c) => c.ruleId === season.ruleId),
  }))
}
