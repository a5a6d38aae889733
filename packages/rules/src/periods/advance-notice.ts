import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import { formatShanghai, parseInstant } from '../dates/instant.ts'
import { addDays, addMonthsClamped, type LocalDate } from '../dates/local-date.ts'
import { formatPeriod, isTimeOfDayUnit, type Period } from './period.ts'
import { type CalendarWarning, missingYearWarnings } from './warnings.ts'

export interface AdvanceNoticeResult {
  /** The latest date (or instant, for hour periods) by which the act must happen. */
  latest: string
  /**
   * The last working day on or before `latest`: when `latest` is a rest day, an office that
   * works only on working days must act by then. Null for hour periods.
   */
  latestWorkingDay: string | null
  onTime: boolean | null
  steps: string[]
  warnings: CalendarWarning[]
}

function subtractWorkingDays(
  calendar: WorkingCalendar,
  event: LocalDate,
  count: number,
): LocalDate {
  let day = event
  let counted = 0
  while (counted < count) {
    day = addDays(day, -1)
    if (calendar.isWorkingDay(day)) counted += 1
  }
  return day
}

/**
 * "提前3天", "会前1周", "提前2个工作日": the act must happen no later than the period counted
 * back from the event, the event day itself not counted. Nothing is extended backwards.
 * `given` is optional: without it, only the latest date is returned.
 */
export function checkAdvanceNotice(options: {
  event: string
  period: Period
  calendar: WorkingCalendar
  given?: string
}): AdvanceNoticeResult {
  const { event, period, calendar, given } = options
  if (isTimeOfDayUnit(period.unit)) {
    const minutes = period.unit === 'hour' ? period.amount * 60 : period.amount
    const latestMs = parseInstant(event) - minutes * 60_000
    const latest = formatShanghai(latestMs)
    return {
      latest,
      latestWorkingDay: null,
      onTime: given === undefined ? null : parseInstant(given) <= latestMs,
      steps: [
        `事件时刻 ${formatShanghai(parseInstant(event))} 前 ${formatPeriod(period)}，最迟 ${latest}`,
      ],
      warnings: [],
    }
  }
  let latest: LocalDate
  if (period.unit === 'workingDay') latest = subtractWorkingDays(calendar, event, period.amount)
  else if (period.unit === 'day') latest = addDays(event, -period.amount)
  else if (period.unit === 'week') latest = addDays(event, -7 * period.amount)
  else latest = addMonthsClamped(event, -(period.unit === 'year' ? 12 : 1) * period.amount)
  const givenDate = given?.slice(0, 10)
  let latestWorkingDay = latest
  // Bounded like every calendar walk: a year without a working day is bad data.
  for (let guard = 0; guard < 366 && !calendar.isWorkingDay(latestWorkingDay); guard += 1) {
    latestWorkingDay = addDays(latestWorkingDay, -1)
  }
  return {
    latest,
    latestWorkingDay,
    onTime: givenDate === undefined ? null : givenDate <= latest,
    steps: [`自 ${event} 向前计算 ${formatPeriod(period)}（当日不计入），最迟应于 ${latest}`],
    warnings: missingYearWarnings(calendar, latest, event),
  }
}
