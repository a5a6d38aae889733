import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import { type LocalDate, yearOf } from '../dates/local-date.ts'

export interface CalendarWarning {
  code: 'CALENDAR_YEAR_MISSING'
  year: number
  message: string
}

/** One warning per year in [from, to] that no national calendar layer covers. */
export function missingYearWarnings(
  calendar: WorkingCalendar,
  from: LocalDate,
  to: LocalDate,
): CalendarWarning[] {
  const [low, high] = from <= to ? [from, to] : [to, from]
  const warnings: CalendarWarning[] = []
  for (let year = yearOf(low); year <= yearOf(high); year += 1) {
    if (!calendar.hasYear(year)) {
      warnings.push({
        code: 'CALENDAR_YEAR_MISSING',
        year,
        message: `未载入${year}年国务院节假日安排：该年按周一至周五推定工作日，结果为暂定，须在官方安排公布并载入后复核`,
      })
    }
  }
  return warnings
}
