import type { CalendarData } from '@zhengling/rules'
import { recordAdminAct } from '../admin/record-admin-act.ts'
import type { Hasher } from '../audit/hasher.ts'
import { ConflictError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import type { CalendarLayers } from './calendar-layers.ts'
import type { CalendarNoticeRecord } from './calendar-notice-repository.ts'
import { type DeadlineToRecheck, describeDeadlines } from './deadlines-to-recheck.ts'
import { readHolidayNotice } from './read-holiday-notice.ts'

/** An activated notice as a national calendar layer that completes its year. */
export function noticeLayer(notice: CalendarNoticeRecord): CalendarData {
  return {
    calendar: `national-notice-${notice.year}`,
    scope: 'national',
    covers: [notice.year],
    source: { title: notice.title },
    days: notice.days,
  }
}

/**
 * The system admin activates a year's notice: stored with its text as the source, audited, and
 * layered into the running calendar. The answer lists the open deadlines due that year that were
 * counted before, with the missing-calendar warning, for the offices to recheck.
 */
export async function activateHolidayNotice(
  deps: {
    inTransaction: InTransaction
    calendar: CalendarLayers
    hasher: Hasher
    now: () => Date
    newId: () => string
  },
  session: SessionRecord,
  text: string,
): Promise<{ notice: CalendarNoticeRecord; recheck: DeadlineToRecheck[] }> {
  const read = readHolidayNotice(deps, session, text)
  if (read.yearStatus === 'official')
    throw new ConflictError('CALENDAR_YEAR_LOADED', `${read.year}年的节假日安排已载入，无需再启用`)
  const activatedAt = deps.now().toISOString()
  const notice: CalendarNoticeRecord = {
    id: deps.newId(),
    year: read.year,
    title: read.title,
    noticeText: text,
    days: read.days,
    activatedBy: session.username,
    activatedAt,
  }
  const stored = await deps.inTransaction(async (r) => {
    if (await r.calendarNotices.ofYear(read.year))
      throw new ConflictError('CALENDAR_YEAR_LOADED', `${read.year}年的节假日安排已启用`)
    await r.calendarNotices.insert(notice)
    await recordAdminAct(r, deps, session, {
      jurisdictionId: null,
      action: 'calendar.activate',
      subject: read.title,
      details: {
        year: read.year,
        holidays: read.days.filter((day) => day.kind === 'holiday').map((day) => day.date),
        makeupWorkdays: read.days
          .filter((day) => day.kind === 'makeupWorkday')
          .map((day) => day.date),
      },
    })
    return r.calendarNotices.deadlinesDueIn(read.year, activatedAt)
  })
  // Installed once the row is committed: a refused or rolled-back activation changes nothing.
  deps.calendar.install(noticeLayer(notice))
  return { notice, recheck: describeDeadlines(deps.calendar, stored) }
}
