import { z } from 'zod'
import { civilDateOut, id } from './contract-fields.ts'

const section = z.enum(['documents', 'meetings', 'supervision', 'events', 'absences'])

/** A missing-calendar warning: the count crosses a year whose holiday notice is not loaded. */
const calendarWarning = z.object({ code: z.string(), year: z.number(), message: z.string() })

export const awaitingWorkResponse = z.object({
  /** The civil date (Asia/Shanghai) the countdowns are counted from. */
  today: civilDateOut,
  /** Most urgent first: overdue, then the fewest working days left, then the oldest. */
  items: z.array(
    z.object({
      kind: z.string(),
      /** 批示, 签发, 核稿, 审定议题, 督办落实… */
      kindLabel: z.string(),
      section,
      target: z.object({
        type: z.enum([
          'document',
          'meeting',
          'supervision',
          'eventRequest',
          'absence',
          'abroadFollowUp',
        ]),
        id,
      }),
      title: z.string(),
      from: z.string().nullable(),
      since: z.string(),
      dueDate: civilDateOut.nullable(),
      /** Working days to the due date on the official calendar; negative once overdue. */
      workingDaysLeft: z.number().nullable(),
      overdue: z.boolean(),
      warnings: z.array(calendarWarning),
    }),
  ),
})

/** The menu's badges: pieces of work waiting on the current post per section. */
export const awaitingCountsResponse = z.object({
  documents: z.number().int(),
  meetings: z.number().int(),
  supervision: z.number().int(),
  /** 会议活动申请 waiting on the government office (issue 15). */
  events: z.number().int(),
  /** 请销假: requests waiting on the post, and the traveller's 销假 not filed (issue 15). */
  absences: z.number().int(),
  overdue: z.number().int(),
})
