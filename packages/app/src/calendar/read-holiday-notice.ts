import { type HolidayNoticeItem, parseHolidayNotice, statutoryHolidays } from '@zhengling/rules'
import { assertAdminRole } from '../access/policies.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { CalendarLayers } from './calendar-layers.ts'

export interface ReadHolidayNotice {
  year: number
  title: string
  items: HolidayNoticeItem[]
  days: { date: string; kind: 'holiday' | 'makeupWorkday'; name: string }[]
  /** What the deployment knows of the year now: the package's data, the law only, or nothing. */
  yearStatus: 'official' | 'statutory' | 'unknown'
  /** Statutory days (第二条) the notice does not give off: worth a second look before activating. */
  statutoryDaysMissing: { date: string; name: string }[]
}

/**
 * The system admin's paste of a 国务院办公厅 notice, read for review (nothing is stored): the
 * holidays and makeup working days it sets, and what to look at twice. An unreadable text is
 * refused line by line.
 */
export function readHolidayNotice(
  deps: { calendar: CalendarLayers },
  session: SessionRecord,
  text: string,
): ReadHolidayNotice {
  assertAdminRole(session, 'systemAdmin')
  const parsed = parseHolidayNotice(text)
  if (!parsed.ok)
    throw new InvalidInputError(
      'HOLIDAY_NOTICE_UNREADABLE',
      `通知读不通：${parsed.problems.map((p) => `第${p.line}段：${p.message}`).join('；')}`,
      parsed.problems.map((p) => ({ path: `/text/${p.line}`, message: p.message })),
    )
  const holidays = new Set(parsed.items.flatMap((item) => item.holidays))
  return {
    year: parsed.year,
    title: parsed.title,
    items: parsed.items,
    days: parsed.data.days,
    yearStatus: deps.calendar.yearStatus(parsed.year),
    statutoryDaysMissing: statutoryHolidays(parsed.year).filter((day) => !holidays.has(day.date)),
  }
}
