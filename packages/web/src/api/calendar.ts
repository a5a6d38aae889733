import { request } from './client.ts'

export type YearStatus = 'official' | 'statutory' | 'unknown'

export interface NoticeDay {
  date: string
  kind: 'holiday' | 'makeupWorkday'
  name: string
}

export interface NoticeReading {
  year: number
  title: string
  items: { name: string; holidays: string[]; makeupWorkdays: string[]; line: number }[]
  days: NoticeDay[]
  yearStatus: YearStatus
  statutoryDaysMissing: { date: string; name: string }[]
}

export interface DeadlineToRecheck {
  jurisdictionId: string
  jurisdictionName: string
  kind: 'documentTask' | 'supervisionItem' | 'meetingMinutes'
  dueDate: string
  count: number
  now: { workingDay: boolean; label: string }
}

export interface ActivatedNotice {
  id: string
  year: number
  title: string
  noticeText: string
  days: NoticeDay[]
  activatedBy: string
  activatedAt: string
}

export interface HolidayNoticesView {
  notices: (ActivatedNotice & { recheck: DeadlineToRecheck[] })[]
  years: { year: number; status: YearStatus }[]
}

export const fetchHolidayNotices = (signal?: AbortSignal) =>
  request<HolidayNoticesView>('GET', '/api/admin/calendar', { signal })

export const readHolidayNotice = (text: string) =>
  request<NoticeReading>('POST', '/api/admin/calendar/reading', { body: { text } })

export const activateHolidayNotice = (text: string) =>
  request<{ notice: ActivatedNotice; recheck: DeadlineToRecheck[] }>(
    'POST',
    '/api/admin/calendar/notices',
    { body: { text } },
  )
