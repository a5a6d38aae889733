import { z } from 'zod'
import { checkAdvanceNotice } from '../periods/advance-notice.ts'
import { formatPeriod } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { dateOrInstantInput } from './inputs.ts'

/**
 * One sentence per answer, never both a verdict and an instruction: before the act, the last day
 * (and, when it is a rest day, the last working day before it); after it, when it was done and
 * whether that was in time. "已按时" beside "应在…前办理" would read as both done and still due.
 */
function advanceNoticeSummary(
  rule: string,
  check: { latest: string; latestWorkingDay: string | null; onTime: boolean | null },
  given: string | undefined,
): string {
  const restDay =
    check.latestWorkingDay && check.latestWorkingDay !== check.latest
      ? check.latestWorkingDay
      : undefined
  if (check.onTime === null || given === undefined)
    return rule + (restDay ? `（该日为休息日，应不迟于 ${restDay} 办理）` : '')
  // Day periods compare dates; hour periods compare the moment.
  const done = `${check.latestWorkingDay === null ? given.replace('T', ' ').slice(0, 16) : given.slice(0, 10)} 办理`
  return check.onTime
    ? `${rule}；${done}，已按时`
    : `${rule}${restDay ? `（该日为休息日，最后一个工作日为 ${restDay}）` : ''}；${done}，已逾期`
}

/** "会前1周报送材料", "提前3天通知": the latest day for the act, and whether it was on time. */
export const advanceNoticeCheck = defineDecision({
  name: 'advance-notice',
  title: '提前通知/报送时限',
  kinds: ['advanceNotice'],
  input: z.strictObject({
    act: z.string(),
    meeting: z.string().optional(),
    /** Event date (YYYY-MM-DD) or date-time for hour periods (no offset: Asia/Shanghai). */
    event: dateOrInstantInput,
    /** When the act was done: a date, or a date-time (no offset: Asia/Shanghai). */
    given: dateOrInstantInput.optional(),
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
        inPrinciple: rule.params.inPrinciple,
      },
      summary: advanceNoticeSummary(
        `${rule.params.act.label}${rule.params.inPrinciple ? '原则上' : ''}应提前${formatPeriod(rule.params.before)}，最迟 ${check.latest}`,
        check,
        input.given,
      ),
      citations: cite(rule),
      warnings: check.warnings,
    }
  },
})
