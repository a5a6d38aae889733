import { dayOfWeekOfEpochDay, type LocalDate, toEpochDay, yearOf } from '../dates/local-date.ts'
import type { CalendarData, CalendarSource } from './calendar-data.ts'

export interface CalendarDayInfo {
  date: LocalDate
  workingDay: boolean
  /**
   * Why: weekday, weekend, a named holiday, a makeup working day, or a guess for a year no
   * notice covers (a statutory holiday of such a year is a 'holiday' with the law as source).
   */
  reason: 'weekday' | 'weekend' | 'holiday' | 'makeupWorkday' | 'unknownYear'
  name?: string
  source?: CalendarSource
}

export interface WorkingCalendar {
  /** Calendars merged into this one, in the order they were layered. */
  readonly layers: readonly string[]
  hasYear(year: number): boolean
  /** official: a notice covers it; statutory: only the law's holidays are known; unknown: neither. */
  yearStatus(year: number): 'official' | 'statutory' | 'unknown'
  coveredYears(): number[]
  day(date: LocalDate): CalendarDayInfo
  isWorkingDay(date: LocalDate): boolean
  /** The same answer for a day number (see `toEpochDay`): the hot path of working-day counts. */
  isWorkingEpochDay(day: number): boolean
}

/**
 * Layers national and regional calendar data. Later layers win on the same date, so a
 * regional holiday can turn a national working day into a rest day.
 * A year no national layer covers keeps the statutory holidays (a 'statutory' layer) and falls
 * back to Monday–Friday for the rest, and `hasYear` says so: period computations turn that into
 * a warning instead of a silent guess.
 */
export function createWorkingCalendar(layers: CalendarData[]): WorkingCalendar {
  const covered = new Set<number>()
  const entries = new Map<
    LocalDate,
    { kind: 'holiday' | 'makeupWorkday'; name: string; source: CalendarSource }
  >()
  for (const layer of layers)
    if (layer.scope === 'national') for (const year of layer.covers) covered.add(year)
  const statutoryYears = new Set<number>()
  for (const layer of layers) {
    for (const entry of layer.days) {
      if (layer.scope === 'statutory') {
        if (covered.has(yearOf(entry.date))) continue
        statutoryYears.add(yearOf(entry.date))
      }
      entries.set(entry.date, {
        kind: entry.kind,
        name: entry.name,
        source: entry.source ?? layer.source,
      })
    }
  }
  const workingByDay = new Map<number, boolean>()
  for (const [date, entry] of entries)
    workingByDay.set(toEpochDay(date), entry.kind === 'makeupWorkday')

  function isWorkingEpochDay(day: number): boolean {
    const listed = workingByDay.get(day)
    if (listed !== undefined) return listed
    const weekday = dayOfWeekOfEpochDay(day)
    return weekday !== 0 && weekday !== 6
  }

  function day(date: LocalDate): CalendarDayInfo {
    const entry = entries.get(date)
    if (entry) {
      return {
        date,
        workingDay: entry.kind === 'makeupWorkday',
        reason: entry.kind,
        name: entry.name,
        source: entry.source,
      }
    }
    const weekend = !isWorkingEpochDay(toEpochDay(date))
    if (!covered.has(yearOf(date))) return { date, workingDay: !weekend, reason: 'unknownYear' }
    return { date, workingDay: !weekend, reason: weekend ? 'weekend' : 'weekday' }
  }

  return {
    layers: layers.map((layer) => layer.calendar),
    hasYear: (year) => covered.has(year),
    yearStatus: (year) =>
      covered.has(year) ? 'official' : statutoryYears.has(year) ? 'statutory' : 'unknown',
    coveredYears: () => [...covered].sort((a, b) => a - b),
    day,
    isWorkingDay: (date) => isWorkingEpochDay(toEpochDay(date)),
    isWorkingEpochDay,
  }
}
