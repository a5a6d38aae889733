import { z } from 'zod'
import { checkAdvanceNotice } from '../periods/advance-notice.ts'
import { formatPeriod } from '../periods/period.ts'
import { type ResolvedRule, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { categoriesNamed, localDateInput } from './inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { periodRulesOf } from './period-support.ts'
import { eitherPost, postTitle, postTitles } from './post-titles.ts'
import { compare, numberWordingRule } from './wording.ts'

type LeaveRule = Extract<ResolvedRule, { kind: 'leaveApproval' }>

/** How many categories a rule is written for: fewer is more specific (出访 alone over 外出). */
const breadth = (rule: LeaveRule) => rule.when?.categories?.length ?? Number.POSITIVE_INFINITY

const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())]

/** Absences that take the person away (出差、出访、休假、学习、外出) rather than excuse them (请假). */
const AWAY = new Set(['businessTrip', 'abroad', 'vacation', 'study', 'leaveArea'])

/**
 * Who approves a post-holder's absence, or to whom it is only reported (报备); whom the office
 * informs; by when it must be filed; to whom the traveller reports back (销假). Longer absences may
 * go higher (二连浩特 七十四); a rule written for the category alone (出访: 二连浩特 六十二) decides
 * the approval, and the post's broader leave rules still add their 备案, 通报 and 销假.
 */
export const leaveApproval = defineDecision({
  name: 'leave-approval',
  title: '请假审批',
  kinds: ['leaveApproval'],
  input: z.strictObject({
    post: z.string(),
    days: z.number().int().positive(),
    category: z.string().optional(),
    /** The meeting missed, for rules that depend on whose meeting it is (延津 二十四). */
    meeting: z.string().optional(),
    asOf: localDateInput.optional(),
    /** The day of departure: with a lead time (提前3天), the latest day to file is counted from it. */
    from: localDateInput.optional(),
    /** The day the request is filed, to say whether it was filed in time. */
    filedOn: localDateInput.optional(),
  }),
  codes(rulebook, input) {
    const rules = rulesOfKind(rulebook, 'leaveApproval', input.asOf)
    if (rules.length === 0) return undefined
    return { category: { known: categoriesNamed(rules), what: '请假审批规则' } }
  },
  decide(context, input) {
    const candidates = rulesOfKind(context.rulebook, 'leaveApproval', input.asOf).filter(
      (rule) =>
        rule.when?.posts?.includes(input.post) &&
        (!rule.when.categories ||
          (input.category !== undefined && rule.when.categories.includes(input.category))) &&
        (!rule.when.meetings ||
          (input.meeting !== undefined && rule.when.meetings.includes(input.meeting))),
    )
    if (candidates.length === 0)
      throw noRule(context, `${postTitle(context.rulebook, input.post)}请假的审批人`)
    // A rule written for the stated category (meeting absence, going abroad) governs that
    // category whatever the length; only among the rules of one group does the length decide.
    const forCategory = candidates.filter(
      (rule) => input.category !== undefined && rule.when?.categories?.includes(input.category),
    )
    // A rule for the very meeting missed is more specific than one for meetings in general.
    const forMeeting = forCategory.filter((rule) => rule.when?.meetings)
    const group = forMeeting.length ? forMeeting : forCategory.length ? forCategory : candidates
    const applicable = group.filter(
      (rule) =>
        !rule.params.days ||
        compare(input.days, rule.params.days.count, rule.params.days.comparison === 'atLeast'),
    )
    // The rule written for the fewest categories decides the approval (出访 over 外出); among
    // those, the rule with the highest length threshold that the absence reaches is in force.
    const narrowest = Math.min(...applicable.map(breadth))
    const threshold = (rule: LeaveRule) => rule.params.days?.count ?? -1
    const rule = applicable
      .filter((r) => breadth(r) === narrowest)
      .sort((a, b) => threshold(b) - threshold(a))[0]
    if (!rule) throw noRule(context, `${input.days}天的请假审批人`)
    // The broader rules that also reach this absence keep their duties: 备案, 通报, 销假, lead time.
    const broader = applicable.filter(
      (r) =>
        breadth(r) > narrowest &&
        (r.params.fileWith.length ||
          r.params.inform.length ||
          r.params.reportBackTo.length ||
          r.params.advance),
    )
    const all = [rule, ...broader]
    const { approver, via, mode } = rule.params
    const fileWith = union(all.map((r) => r.params.fileWith))
    const inform = union(all.map((r) => r.params.inform))
    const reportBackTo = union(all.map((r) => r.params.reportBackTo))
    const substituteRequired = all.some((r) => r.params.substituteRequired)
    const returnReport = all.some((r) => r.params.returnReport)
    const timed = all.find((r) => r.params.advance)
    const advance = timed?.params.advance
    const check =
      advance && input.from
        ? checkAdvanceNotice({
            event: input.from,
            period: advance,
            calendar: context.calendar,
            given: input.filedOn,
          })
        : undefined
    const latestFiling = check?.latest ?? null
    const latestFilingWorkingDay = check?.latestWorkingDay ?? null
    const filedInTime = check?.onTime ?? null
    const inPrinciple = timed?.params.inPrinciple ?? false
    const title = postTitle(context.rulebook, input.post)
    const rb = context.rulebook
    const route =
      mode === 'filing'
        ? `事先向${postTitles(rb, fileWith)}报告（报备，无需审批）`
        : (via.length
            ? `经${postTitles(rb, via)}报${eitherPost(rb, approver)}`
            : `向${eitherPost(rb, approver)}请假`) +
          (fileWith.length ? `，并向${postTitles(rb, fileWith)}备案` : '')
    const lead = advance
      ? `；${inPrinciple ? '原则上' : ''}应提前${formatPeriod(advance)}报送` +
        (latestFiling
          ? `，最迟 ${latestFiling}` +
            // Once filed in time, the advice to file by the working day before no longer applies.
            (latestFilingWorkingDay && latestFilingWorkingDay !== latestFiling && !filedInTime
              ? `（该日为休息日，应不迟于 ${latestFilingWorkingDay} 报送）`
              : '') +
            (filedInTime === false
              ? `；${input.filedOn} 报送，已逾期${inPrinciple ? '（原则性规定，可受理但记为迟报）' : ''}`
              : filedInTime
                ? `；${input.filedOn} 报送，已按时`
                : '')
          : '')
      : ''
    const { sources } = periodRulesOf(context)
    const wording = rule.params.days ? numberWordingRule(context) : undefined
    return {
      outcome: {
        mode,
        approver,
        via,
        fileWith,
        inform,
        reportBackTo,
        returnReport,
        substituteRequired,
        advance: advance ? formatPeriod(advance) : null,
        inPrinciple,
        latestFiling,
        latestFilingWorkingDay,
        filedInTime,
      },
      summary:
        `${title}${input.category && AWAY.has(input.category) ? '外出' : '请假'}${input.days}天，${route}` +
        (substituteRequired ? '，并明确代会人员' : '') +
        (inform.length ? `；由办公室通报${postTitles(rb, inform)}` : '') +
        lead +
        (reportBackTo.length
          ? `；返回后向${postTitles(rb, reportBackTo)}销假${returnReport ? '并报告有关情况' : ''}`
          : ''),
      // The rule with the lead time first when the request is late: the refusal or mark cites it.
      citations: cite(
        ...(filedInTime === false && timed ? [timed, rule] : [rule]),
        ...broader,
        wording,
        check ? sources.startDayExcluded : undefined,
      ),
      warnings: check?.warnings ?? [],
    }
  },
})
