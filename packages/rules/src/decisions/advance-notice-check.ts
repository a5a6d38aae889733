import { z } from 'zod'
import { checkAdvanceNotice } from '../periods/advance-notice.ts'
import { formatPeriod } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'

/** "会前1周报送材料", "提前3天通知": the latest day for the act, and whether it was on time. */
export const advanceNoticeCheck = defineDecision({
  name: 'advance-notice',
  title: '提前通知/报送时限',
  kinds: ['advanceNotice'],
  input: z.strictObject({
    act: z.string(),
    meeting: z.string().optional(),
    /** Event date (YYYY-MM-DD) or instant for hour periods. */
    event: z.string(),
    given: z.string().optional(),
  }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'advanceNotice', input.event.slice(0, 10)).find(
      (r) =>
        r.params.act.code === input.act &&
        (!input.meeting || !r.when?.meetings || r.when.meetings.includes(input.meeting)),
    )
    if (!rule) throw noRule(context, `"${input.act}"的提前时限`)
    const check = checkAdvanceNotice({
      event: input.event,
      period: rule.params.before,
      calendar: context.calendar,
      given: input.given,
    })
    return {
      outcome: {
        latest: check.latest,
        latestWorkingDay: check.latestWorkingDay,
        onTime: check.onTime,
        before: rule.params.before,
      },
      summary:
        `${rule.params.act.label}应提前${formatPeriod(rule.params.before)}，最迟 ${check.latest}` +
        (check.latestWorkingDay && check.latestWorkingDay !== check.latest
          ? `（该日为休息日，实际应在 ${check.latestWorkingDay} 前办理）`
          : '') +
        (check.onTime === null ? '' : check.onTime ? '；已按时' : '；已逾期'),
      citations: cite(rule),
      warnings: check.warnings,
    }
  },
})
