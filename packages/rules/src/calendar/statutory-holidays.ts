import chineseDays from 'chinese-days'
import { addDays, type LocalDate } from '../dates/local-date.ts'
import type { CalendarData } from './calendar-data.ts'

/**
 * 《全国年节及纪念日放假办法》 as amended on 10 November 2024 (in force 1 January 2025), 第二条:
 * the days every citizen has off by law, whatever the year's notice later adds. The notice only
 * moves days (调休) and bridges weekends; it never takes these away. So a year whose notice is not
 * yet loaded still knows these days, and only its 调休 is unknown.
 */
export const STATUTORY_HOLIDAYS_SOURCE = {
  title: '全国年节及纪念日放假办法（2024年11月10日修订）',
  reference: '第二条',
} as const

/** The first year the amended 第二条 (除夕 and 5月2日 added) governs. */
export const STATUTORY_HOLIDAYS_FROM = 2025

/** A lunar date of a Gregorian-counted lunar year, to the solar date (leap months never hold these). */
function lunar(year: number, month: number, day: number): LocalDate {
  return chineseDays.getSolarDateFromLunar(
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  ).date
}

/** The statutory days of one year, each named as 第二条 names it. */
export function statutoryHolidays(year: number): { date: LocalDate; name: string }[] {
  const springFestival = lunar(year, 1, 1)
  return [
    { date: `${year}-01-01`, name: '元旦' },
    // 春节放假4天（农历除夕、正月初一至初三）: 除夕 is the day before 正月初一, whether 腊月 has 29
    // or 30 days.
    { date: addDays(springFestival, -1), name: '春节（除夕）' },
    { date: springFestival, name: '春节' },
    { date: addDays(springFestival, 1), name: '春节' },
    { date: addDays(springFestival, 2), name: '春节' },
    // 清明节放假1天（农历清明当日）: the day of the 清明 solar term, in April.
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar(year, 5, 5), name: '端午节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ]
}

/**
 * The statutory days of the given years as a calendar layer of its own scope: it makes no year
 * complete (the notice's 调休 is still missing), and a year a national layer covers ignores it.
 */
export function statutoryHolidayData(years: number[]): CalendarData {
  return {
    calendar: 'statutory-holidays',
    scope: 'statutory',
    covers: [],
    source: { ...STATUTORY_HOLIDAYS_SOURCE },
    days: years
      .filter((year) => year >= STATUTORY_HOLIDAYS_FROM)
      .flatMap((year) =>
        statutoryHolidays(year).map(({ date, name }) => ({ date, kind: 'holiday' as const, name })),
      ),
  }
}
