import { z } from 'zod'
import { addDays } from '../dates/local-date.ts'
import { dateHolds, describeDates } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { postTitles } from './post-titles.ts'

/** Every date condition recurs within a year and a week (6月; 每月1日至7日的星期一). */
const SEARCH_DAYS = 366 + 7

/**
 * Whether a day is one the rules set for an act (每年6月份报告, 每月第一周星期一学习), and the next
 * such day on or after it: the rules core reads the calendar, the caller only gives the date.
 */
export const scheduleCheck = defineDecision({
  name: 'schedule-check',
  title: '规定日期',
  kinds: ['schedule'],
  input: z.strictObject({ act: z.string(), on: localDateInput }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'schedule', input.on).find(
      (r) => r.params.act.code === input.act,
    )
    if (!rule) throw noRule(context, `"${input.act}"的规定日期`)
    const { act, on, hours, by } = rule.params
    const onSchedule = dateHolds(on, input.on)
    let next: string | null = null
    for (let day = input.on, n = 0; n < SEARCH_DAYS; day = addDays(day, 1), n += 1)
      if (dateHolds(on, day)) {
        next = day
        break
      }
    const when = `${describeDates(on)}${hours ? `${hours.start}至${hours.end}` : ''}`
    return {
      outcome: { onSchedule, next, hours: hours ?? null },
      summary:
        `${act.label}${by ? `由${postTitles(context.rulebook, by)}` : ''}在${when}进行；` +
        (onSchedule
          ? `${input.on}是规定日期`
          : `${input.on}不是规定日期${next ? `，下一个规定日期为${next}` : ''}`),
      citations: cite(rule),
      warnings: [],
    }
  },
})
