import type { CalendarData, CalendarDayInfo } from '@zhengling/rules'

/**
 * The deployment's national calendar as the running process holds it: what it knows of a year,
 * a day as it now counts, and the layer an activated notice adds (the HTTP layer adds it to the
 * loaded rulebook library, so every later question counts on it).
 */
export interface CalendarLayers {
  yearStatus(year: number): 'official' | 'statutory' | 'unknown'
  day(date: string): CalendarDayInfo
  install(layer: CalendarData): void
}
