import { request } from './client.ts'
import type { Citation } from './types.ts'

export type LeaderCalendarEntryKind = 'meeting' | 'absence' | 'event' | 'acting'

/** One line in a leader's day: a meeting, a day away, an event, a day acting for another post. */
export interface LeaderCalendarEntry {
  date: string
  kind: LeaderCalendarEntryKind
  title: string
  from: string
  to: string
  time: string | null
  place: string | null
  target: string | null
  note: string | null
  citations: Citation[]
}

/** 领导活动安排: one week (Monday to Sunday), a row per leader. */
export interface LeaderCalendarView {
  jurisdictionName: string
  weekStart: string
  weekEnd: string
  previousWeek: string
  nextWeek: string
  days: { date: string; weekday: string }[]
  scope: 'leader' | 'leadership'
  leaders: {
    postId: string
    role: string
    title: string
    holders: string[]
    entries: LeaderCalendarEntry[]
  }[]
  notes: string[]
}

export interface LeaderCalendarQuery {
  /** Any day of the week; today's week when absent. */
  week?: string
  postId?: string
}

export const fetchLeaderCalendar = (query: LeaderCalendarQuery, signal?: AbortSignal) =>
  request<LeaderCalendarView>('GET', '/api/leader-calendar', { query: { ...query }, signal })

/** The printable 领导活动安排表 (an A4 landscape page the browser prints). */
export function leaderCalendarPrintUrl(query: LeaderCalendarQuery): string {
  const params = new URLSearchParams()
  if (query.week) params.set('week', query.week)
  if (query.postId) params.set('postId', query.postId)
  const search = params.toString()
  return search ? `/api/leader-calendar/print?${search}` : '/api/leader-calendar/print'
}
