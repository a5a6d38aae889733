import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import { formatShanghai, parseInstant } from '../dates/instant.ts'
import {
  addDays,
  addMonthsClamped,
  daysInMonth,
  fromEpochDay,
  type LocalDate,
  toEpochDay,
} from '../dates/local-date.ts'
import { formatPeriod, isTimeOfDayUnit, type Period } from './period.ts'
import type { PeriodRules } from './period-rules.ts'
import { type CalendarWarning, missingYearWarnings } from './warnings.ts'

export type AppliedPeriodRule = keyof PeriodRules

export interface DateDeadline {
  due: LocalDate
  /** Steps in Chinese, in the order they were applied, for the explanation. */
  steps: string[]
  applied: AppliedPeriodRule[]
  warnings: CalendarWarning[]
}

export interface DeadlineOptions {
  start: LocalDate
  period: Period
  calendar: WorkingCalendar
  rules: PeriodRules
}

function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = date
  // A calendar has at most a few consecutive rest days; a year's bound keeps bad data finite.
  for (let guard = 0; guard < 366; guard += 1) {
    if (calendar.isWorkingDay(day)) return day
    day = addDays(day, 1)
  }
  throw new RangeError(`日历数据异常：${date} 之后一年内没有工作日`)
}

function addWorkingDays(calendar: WorkingCalendar, start: LocalDate, count: number): LocalDate {
  let day = toEpochDay(start)
  let counted = 0
  while (counted < count) {
    day += 1
    if (calendar.isWorkingEpochDay(day)) counted += 1
  }
  return fromEpochDay(day)
}

/**
 * The last day of a period that starts on `start` (民法典 第二百零一条至第二百零三条).
 * Working-day periods count official working days after the start day.
 */
export function computeDeadline({ start, period, calendar, rules }: DeadlineOptions): DateDeadline {
  if (isTimeOfDayUnit(period.unit)) {
    throw new RangeError(`${formatPeriod(period)}按小时计算，应使用 computeInstantDeadline`)
  }
  const steps: string[] = []
  const applied: AppliedPeriodRule[] = []
  // When the start day counts, the period's first day is the start itself.
  const offset = rules.startDayExcluded ? 0 : -1
  if (rules.startDayExcluded) {
    applied.push('startDayExcluded')
    steps.push(`起算日 ${start} 当日不计入，自次日开始计算`)
  }
  const base = addDays(start, offset)

  let due: LocalDate
  if (period.unit === 'workingDay') {
    due = addWorkingDays(calendar, base, period.amount)
    steps.push(`按官方工作日历顺数 ${period.amount} 个工作日，至 ${due}`)
  } else if (period.unit === 'day' || period.unit === 'week') {
    const days = period.unit === 'week' ? period.amount * 7 : period.amount
    due = addDays(base, days)
    steps.push(`顺数 ${formatPeriod(period)}，期间最后一日为 ${due}`)
  } else {
    const months = period.unit === 'year' ? period.amount * 12 : period.amount
    due = addMonthsClamped(base, months)
    const startDay = Number(base.slice(8, 10))
    const dueMonthLength = daysInMonth(Number(due.slice(0, 4)), Number(due.slice(5, 7)))
    if (startDay > dueMonthLength && rules.monthEndWhenNoCorrespondingDay) {
      applied.push('monthEndWhenNoCorrespondingDay')
      steps.push(`到期月没有对应日，以月末日 ${due} 为期间最后一日`)
    } else {
      steps.push(`到期月的对应日 ${due} 为期间最后一日`)
    }
  }

  if (
    period.unit !== 'workingDay' &&
    rules.extendWhenLastDayIsRestDay &&
    !calendar.isWorkingDay(due)
  ) {
    const info = calendar.day(due)
    const extended = nextWorkingDay(calendar, due)
    applied.push('extendWhenLastDayIsRestDay')
    steps.push(`最后一日 ${due} 为${info.name ?? '休息日'}，顺延至休假日结束的次日 ${extended}`)
    due = extended
  }

  return { due, steps, applied, warnings: missingYearWarnings(calendar, start, due) }
}

export interface InstantDeadline {
  due: string
  steps: string[]
}

/** Hour and minute periods run from the stated moment (第二百零一条第二款) and are not extended. */
export function computeInstantDeadline(start: string, period: Period): InstantDeadline {
  if (!isTimeOfDayUnit(period.unit)) {
    throw new RangeError(`${formatPeriod(period)}按日计算，应使用 computeDeadline`)
  }
  const from = parseInstant(start)
  const minutes = period.unit === 'hour' ? period.amount * 60 : period.amount
  const due = formatShanghai(from + minutes * 60_000)
  return { due, steps: [`自 ${formatShanghai(from)} 起算 ${formatPeriod(period)}，至 ${due}`] }
}
