import type { Citation } from '@zhengling/rules'
import { addDays, dayOfWeek } from '@zhengling/rules'
import type { Viewer } from '../access/can-see.ts'

/**
 * The leaders' activity calendar (领导活动安排): what each leader of the government does on each
 * day of one week — meetings presided or attended, absences in force (请假、出差、出访、休假、
 * 外出报备), days acting for another post, and events. Read only; every source keeps its own
 * record (meetings, absences, acting assignments), this module only lays them out by day.
 */

/** A post of the government's leadership with what the week holds for it. */
export interface LeaderRow {
  postId: string
  role: string
  title: string
  /** The post's place in the roster (post_ranks), or null when the roster gave none. */
  rosterRank: number | null
  /** Holders of the post during the week (a change of holder mid-week lists both). */
  holders: { name: string; from: string; to: string | null }[]
  /** Absences of the post in force (approved, filed, returned) overlapping the week. */
  absences: {
    id: string
    category: string
    from: string
    to: string
    returnedOn: string | null
    destination: string
    status: string
    ruleIds: string[]
  }[]
  /** Days the post's holder acts for another post (代行职责), overlapping the week. */
  acting: { postTitle: string; from: string; to: string; ruleId: string | null }[]
  /**
   * Approved meeting and event requests in the government's name (会议活动申请) the post is
   * invited to, dated in the week.
   */
  events: {
    id: string
    kind: string
    title: string
    date: string
    /** 时间 as the request wrote it (上午9:00), or empty. */
    time: string
    place: string
  }[]
}

/** A meeting a leader presides over or takes part in (only the leaders' participations). */
export interface LeaderMeetingRow {
  id: string
  title: string
  startsAt: string
  location: string
  presiderPostId: string | null
  participants: { postId: string; role: 'member' | 'attendee'; attendance: string }[]
}

/**
 * Storage port: each read is one statement. Leaders are the posts of the viewer's jurisdiction;
 * absences, events and meetings go through the access rule of their tables (visible-to): a
 * record the viewer may not see is not laid out.
 */
export interface LeaderCalendarRepository {
  /** The jurisdiction's name and its posts of the given roles, with their week. */
  leaders(
    viewer: Viewer,
    roles: readonly string[],
    week: { from: string; to: string },
  ): Promise<{ jurisdictionName: string; leaders: LeaderRow[] }>
  /** Meetings visible to the viewer from `from` (inclusive) to `before` with a post of `roles`. */
  meetings(
    viewer: Viewer,
    roles: readonly string[],
    range: { from: string; before: string },
  ): Promise<LeaderMeetingRow[]>
}

export type LeaderCalendarEntryKind = 'meeting' | 'absence' | 'event' | 'acting'

/** One line in a leader's day. */
export interface LeaderCalendarEntry {
  date: string
  kind: LeaderCalendarEntryKind
  title: string
  /** The span of the whole record (a trip from … to …); a meeting's own date at both ends. */
  from: string
  to: string
  /** 'HH:mm' in Asia/Shanghai, or null for a whole-day entry. */
  time: string | null
  place: string | null
  /** The page of the record in the web app, when it has one. */
  target: string | null
  note: string | null
  citations: Citation[]
}

export interface LeaderCalendarView {
  jurisdictionName: string
  weekStart: string
  weekEnd: string
  previousWeek: string
  nextWeek: string
  days: { date: string; weekday: string }[]
  leaders: {
    postId: string
    role: string
    title: string
    holders: string[]
    entries: LeaderCalendarEntry[]
  }[]
  /** Whether the view is one leader's (postId given) or the whole leadership's. */
  scope: 'leader' | 'leadership'
  /** What the calendar does not hold yet, said plainly (值班: no duty module). */
  notes: string[]
}

export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** The Monday of the week holding `date` (weeks run Monday to Sunday). */
export function weekStartOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7))
}

/** The seven days of the week starting `monday`, with their Chinese weekday. */
export function weekDays(monday: string): { date: string; weekday: string }[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index)
    return { date, weekday: WEEKDAYS[dayOfWeek(date)] as string }
  })
}

/** Absence categories (issue 15 contract C1) as the calendar names them. */
export const CALENDAR_ABSENCE_LABELS: Readonly<Record<string, string>> = {
  businessTrip: '出差',
  abroad: '出访',
  vacation: '休假',
  study: '学习',
  personalLeave: '请假',
  leaveArea: '外出',
  meetingAbsence: '请假',
}

/** The kinds of 会议活动申请 as a leader's day names them. */
export const CALENDAR_EVENT_LABELS: Readonly<Record<string, string>> = {
  meeting: '会议',
  event: '活动',
  leaderInvitation: '应邀出席',
  foreignGuest: '外事接待',
}

/** Categories whose destination is work and is shown; leave and holidays show no place. */
export const CALENDAR_CATEGORIES_WITH_PLACE: ReadonlySet<string> = new Set([
  'businessTrip',
  'abroad',
  'study',
  'leaveArea',
])
