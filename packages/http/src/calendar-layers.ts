import { type CalendarLayers, noticeLayer } from '@zhengling/app'
import { createRepositories } from '@zhengling/db'
import { addCalendarLayer, type RulebookLibrary, statutoryHolidays } from '@zhengling/rulebooks'
import { createWorkingCalendar, officialCalendarData, type WorkingCalendar } from '@zhengling/rules'
import type { SessionRouteDeps } from './routes/session.ts'

/**
 * The national calendar of the loaded library (the law's holidays, the package's notices, the
 * national data files and the notices activated here), rebuilt after a notice is installed.
 */
export function createCalendarLayers(library: RulebookLibrary): CalendarLayers {
  // Rebuilt when the library's calendars change (a notice installed here or loaded from another
  // replica's activation): layers are only ever added.
  let built: { layers: number; calendar: WorkingCalendar } | undefined
  const current = () => {
    if (built?.layers === library.calendars.size) return built.calendar
    const national = [...library.calendars.values()].filter((c) => c.scope === 'national')
    const calendar = createWorkingCalendar([
      statutoryHolidays(),
      officialCalendarData(),
      ...national,
    ])
    built = { layers: library.calendars.size, calendar }
    return calendar
  }
  return {
    yearStatus: (year) => current().yearStatus(year),
    day: (date) => current().day(date),
    install: (layer) => addCalendarLayer(library, layer),
  }
}

/**
 * Layers into the library every notice the system admin activated that it does not hold yet: at
 * start, and on a beat in each replica, so a notice activated through another replica counts
 * here too. Answers how many were added.
 */
export async function loadActivatedNotices(
  db: SessionRouteDeps['db'],
  library: RulebookLibrary,
): Promise<number> {
  let added = 0
  for (const notice of await createRepositories(db).calendarNotices.list()) {
    const layer = noticeLayer(notice)
    if (library.calendars.has(layer.calendar)) continue
    addCalendarLayer(library, layer)
    added += 1
  }
  return added
}
