import { type CalendarLayers, noticeLayer } from '@zhengling/app'
import { createRepositories } from '@zhengling/db'
import { addCalendarLayer, type RulebookLibrary } from '@zhengling/rulebooks'
import {
  createWorkingCalendar,
  officialCalendarData,
  statutoryHolidayData,
  type WorkingCalendar,
} from '@zhengling/rules'
import type { SessionRouteDeps } from './routes/session.ts'

/**
 * The national calendar of the loaded library (the law's holidays, the package's notices, the
 * national data files and the notices activated here), rebuilt after a notice is installed.
 */
export function createCalendarLayers(library: RulebookLibrary): CalendarLayers {
  let calendar: WorkingCalendar | undefined
  const current = () => {
    const national = [...library.calendars.values()].filter((c) => c.scope === 'national')
    const years = Array.from({ length: 2100 - 2025 }, (_, i) => 2025 + i)
    calendar ??= createWorkingCalendar([
      statutoryHolidayData(years),
      officialCalendarData(),
      ...national,
    ])
    return calendar
  }
  return {
    yearStatus: (year) => current().yearStatus(year),
    day: (date) => current().day(date),
    install(layer) {
      addCalendarLayer(library, layer)
      calendar = undefined
    },
  }
}

/** Layers every notice the system admin activated into the library (at start). */
export async function loadActivatedNotices(
  db: SessionRouteDeps['db'],
  library: RulebookLibrary,
): Promise<void> {
  for (const notice of await createRepositories(db).calendarNotices.list())
    addCalendarLayer(library, noticeLayer(notice))
}
