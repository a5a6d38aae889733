import { z } from 'zod'

export const noticeTextBody = z.object({
  text: z.string().trim().min(1, '请粘贴通知全文').max(20000, '通知全文不超过 20000 字'),
})

const day = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'makeupWorkday']),
  name: z.string(),
})

const yearStatus = z.enum(['official', 'statutory', 'unknown'])

export const noticeReading = z.object({
  year: z.number(),
  title: z.string(),
  items: z.array(
    z.object({
      name: z.string(),
      holidays: z.array(z.string()),
      makeupWorkdays: z.array(z.string()),
      line: z.number(),
    }),
  ),
  days: z.array(day),
  yearStatus,
  statutoryDaysMissing: z.array(z.object({ date: z.string(), name: z.string() })),
})

const recheck = z.object({
  jurisdictionId: z.string(),
  jurisdictionName: z.string(),
  kind: z.enum(['documentTask', 'supervisionItem', 'meetingMinutes']),
  dueDate: z.string(),
  count: z.number(),
  now: z.object({ workingDay: z.boolean(), label: z.string() }),
})

const notice = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  noticeText: z.string(),
  days: z.array(day),
  activatedBy: z.string(),
  activatedAt: z.string(),
})

export const activation = z.object({ notice, recheck: z.array(recheck) })

export const noticesView = z.object({
  notices: z.array(notice.extend({ recheck: z.array(recheck) })),
  years: z.array(z.object({ year: z.number(), status: yearStatus })),
})
