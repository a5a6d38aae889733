import { shanghaiDateOf } from '@zhengling/rules'
import { assertAdminRole } from '../access/policies.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { CalendarLayers } from './calendar-layers.ts'
import type { CalendarNoticeRecord } from './calendar-notice-repository.ts'
import { type DeadlineToRecheck, describeDeadlines } from './deadlines-to-recheck.ts'

export interface HolidayNoticesView {
  notices: (CalendarNoticeRecord & { recheck: DeadlineToRecheck[] })[]
  /** The years from this one on and what is known of each: the admin sees what is missing. */
  years: { year: number; status: 'official' | 'statutory' | 'unknown' }[]
}

/** The activated notices, each with the deadlines still to recheck, and the coming years' status. */
export async function listHolidayNotices(
  deps: { calendar: CalendarLayers; now: () => Date },
  repositories: Pick<Repositories, 'calendarNotices'>,
  session: SessionRecord,
): Promise<HolidayNoticesView> {
  assertAdminRole(session, 'systemAdmin')
  const notices = await repositories.calendarNotices.list()
  const thisYear = Number(shanghaiDateOf(deps.now().getTime()).slice(0, 4))
  return {
    notices: await Promise.all(
      notices.map(async (notice) => ({
        ...notice,
        recheck: describeDeadlines(
          deps.calendar,
          await repositories.calendarNotices.deadlinesDueIn(notice.year, notice.activatedAt),
        ),
      })),
    ),
    years: [thisYear, thisYear + 1, thisYear + 2].map((year) => ({
      year,
      status: deps.calendar.yearStatus(year),
    })),
  }
}
