import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { categoriesNamed, localDateInput } from './inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { postTitle, postTitles } from './post-titles.ts'
import { compare, numberWordingRule } from './wording.ts'

/** Who approves a post-holder's leave; longer absences may go higher (二连浩特 七十四). */
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
    // The rule with the highest length threshold that the absence reaches is the one in force.
    const threshold = (rule: (typeof candidates)[number]) => rule.params.days?.count ?? -1
    const rule = applicable.sort((a, b) => threshold(b) - threshold(a))[0]
    if (!rule) throw noRule(context, `${input.days}天的请假审批人`)
    const wording = rule.params.days ? numberWordingRule(context) : undefined
    const { approver, fileWith, reportBackTo, substituteRequired, via } = rule.params
    return {
      outcome: { approver, via, fileWith, reportBackTo, substituteRequired },
      summary:
        `${postTitle(context.rulebook, input.post)}请假${input.days}天，` +
        (via.length
          ? `经${postTitles(context.rulebook, via)}报${postTitles(context.rulebook, approver)}`
          : `向${postTitles(context.rulebook, approver)}请假`) +
        (substituteRequired ? '，并明确代会人员' : '') +
        (fileWith.length ? `，并向${postTitles(context.rulebook, fileWith)}备案` : '') +
        (reportBackTo.length ? `；返回后向${postTitles(context.rulebook, reportBackTo)}销假` : ''),
      citations: cite(rule, wording),
      warnings: [],
    }
  },
})
