/** A holiday notice as activated: the text pasted, the days read from it, who and when. */
export interface CalendarNoticeRecord {
  id: string
  year: number
  title: string
  noticeText: string
  days: { date: string; kind: 'holiday' | 'makeupWorkday'; name: string }[]
  activatedBy: string
  activatedAt: string
}

/** Stored deadlines falling in a year, counted per jurisdiction, kind and date. */
export interface StoredDeadline {
  jurisdictionId: string
  jurisdictionName: string
  kind: 'documentTask' | 'supervisionItem' | 'meetingMinutes'
  dueDate: string
  count: number
}

export interface CalendarNoticeRepository {
  list(): Promise<CalendarNoticeRecord[]>
  ofYear(year: number): Promise<CalendarNoticeRecord | undefined>
  insert(notice: CalendarNoticeRecord): Promise<void>
  /**
   * Open deadlines due in `year` set no later than `setBefore`: counted on a calendar that
   * lacked the year's notice, so each carried the missing-calendar warning.
   */
  deadlinesDueIn(year: number, setBefore: string): Promise<StoredDeadline[]>
}
