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
    const status = calendar.yearStatus(year)
    if (status === 'statutory') {
      warnings.push({
        code: 'CALENDAR_YEAR_MISSING',
        year,
        message: `未载入${year}年国务院节假日安排：法定节假日已按《全国年节及纪念日放假办法》第二条计入，仅调休（调整的上班日和连休日）未知，结果为暂定，须在通知公布并载入后复核`,
      })
    } else if (status === 'unknown') {
      warnings.push({
        code: 'CALENDAR_YEAR_MISSING',
        year,
        message: `未载入${year}年国务院节假日安排：该年按周一至周五推定工作日，结果为暂定，须在官方安排公布并载入后复核`,
      })
    }
  }
  return warnings
}
