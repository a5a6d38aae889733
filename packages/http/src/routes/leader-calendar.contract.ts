import { z } from 'zod'
import { citation, civilDate, civilDateOut, id } from './contract-fields.ts'

/** Any day of the week asked for (today's week when absent), and one leader's post or all. */
export const leaderCalendarQuery = z.object({
  week: civilDate.optional(),
  postId: id.optional(),
})

const entry = z.object({
  date: civilDateOut,
  kind: z.enum(['meeting', 'absence', 'event', 'acting']),
  title: z.string(),
  from: civilDateOut,
  to: civilDateOut,
  time: z.string().nullable(),
  place: z.string().nullable(),
  target: z.string().nullable(),
  note: z.string().nullable(),
  citations: z.array(citation),
})

/** 领导活动安排: one week, a row per leader, the entries of each day. */
export const leaderCalendarView = z.object({
  jurisdictionName: z.string(),
  weekStart: civilDateOut,
  weekEnd: civilDateOut,
  previousWeek: civilDateOut,
  nextWeek: civilDateOut,
  days: z.array(z.object({ date: civilDateOut, weekday: z.string() })).length(7),
  scope: z.enum(['leader', 'leadership']),
  leaders: z.array(
    z.object({
      postId: z.string(),
      role: z.string(),
      title: z.string(),
      holders: z.array(z.string()),
      entries: z.array(entry),
    }),
  ),
  notes: z.array(z.string()),
})
