import { z } from 'zod'
import { isLocalDate } from '../dates/local-date.ts'

const localDate = z.string().refine(isLocalDate, { message: '日期格式应为 YYYY-MM-DD' })

const source = z.strictObject({
  title: z.string().min(1),
  reference: z.string().optional(),
  url: z.string().optional(),
})

/**
 * A calendar data file: the State Council's notice for a year the package does not yet ship,
 * or an autonomous area's own holidays. Every entry traces to a published source.
 */
export const calendarDataSchema = z.strictObject({
  calendar: z.string().regex(/^[a-z0-9-]+$/, '日历编号只能包含小写字母、数字和连字符'),
  /**
   * national: the State Council's notice (completes the years it `covers`); regional: an
   * autonomous area's own days; statutory: the days the law fixes, for years whose notice is
   * not yet loaded (completes no year, ignored in a year a national layer covers).
   */
  scope: z.enum(['national', 'regional', 'statutory']),
  region: z.string().optional(),
  /** Years this file makes complete. Only national files can complete a year. */
  covers: z.array(z.number().int().min(1949).max(2200)).default([]),
  source,
  days: z.array(
    z.strictObject({
      date: localDate,
      kind: z.enum(['holiday', 'makeupWorkday']),
      name: z.string().min(1),
      source: source.optional(),
    }),
  ),
})

export type CalendarData = z.infer<typeof calendarDataSchema>
export type CalendarSource = z.infer<typeof source>
