/**
 * Civil dates as 'YYYY-MM-DD' strings, always meant in Asia/Shanghai.
 * Arithmetic runs on UTC midnights so that no host time zone or DST can shift a day.
 */
export type LocalDate = string

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export function assertLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`不是有效日期（应为 YYYY-MM-DD）：${value}`)
  return value
}

/**
 * Days since 1970-01-01 by integer arithmetic (H. Hinnant's days_from_civil): these sit on the hot
 * path of every working-day count, where Date objects and ISO strings cost a microsecond each.
 */
export function toEpochDay(date: LocalDate): number {
  const y0 = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  const y = m <= 2 ? y0 - 1 : y0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** The inverse of `toEpochDay` (civil_from_days). */
export function fromEpochDay(day: number): LocalDate {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days)
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from)
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeekOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

export function dayOfWeek(date: LocalDate): number {
  return dayOfWeekOfEpochDay(toEpochDay(date))
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * 民法典 第二百零二条: the period ends on the corresponding day of the due month,
 * or on the month's last day when that month has no corresponding day.
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}
