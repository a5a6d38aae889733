import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { meetingName, ruleForMeeting } from './meeting-rules.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'
import { chainText, eitherPost } from './post-titles.ts'

/**
 * Who reviews and signs a meeting's minutes, and by when they are due. Where minutes are by
 * default not issued (原则上不编发, 托克逊 五十五), `issued` is false unless a circumstance the rule
 * names holds (确需编发); the rest of the answer is how they go when they are.
 */
export const minutesDue = defineDecision({
  name: 'minutes-due',
  title: '会议纪要审核签发与时限',
  kinds: ['minutes', 'periodComputation'],
  input: z.strictObject({
    meeting: z.string(),
    meetingDate: localDateInput.optional(),
    /** Circumstance codes that hold, for a rule that issues minutes only when one does. */
    circumstances: z.array(z.string()).default([]),
  }),
  codes(rulebook, input) {
    const rule = ruleForMeeting({ rulebook }, 'minutes', input.meeting, input.meetingDate)
    if (!rule) return undefined
    return {
      circumstances: {
        known: new Set(rule.params.issueWhen.map((c) => c.code)),
        what: `${rulebook.meetings.get(input.meeting)?.name ?? input.meeting}的纪要规则`,
      },
    }
  },
  decide(context, input) {
    const rule = ruleForMeeting(context, 'minutes', input.meeting, input.meetingDate)
    const name = meetingName(context, input.meeting)
    if (!rule) throw noRule(context, `${name}纪要的签发`)
    const { reviewChain, signer, dueWithin, drafter, issuedByDefault, issueWhen } = rule.params
    const issued = issuedByDefault || issueWhen.some((c) => input.circumstances.includes(c.code))
    const exception = issueWhen.map((c) => c.label).join('或')
    const deadline =
      dueWithin && input.meetingDate
        ? deadlineFrom(context, input.meetingDate, dueWithin)
        : undefined
    const periodRules = deadline?.periodRules ?? []
    return {
      outcome: {
        drafter: drafter ?? [],
        reviewChain,
        signer,
        due: issued ? (deadline?.due ?? null) : null,
        dueWithin: dueWithin ?? null,
        issued,
        issuedByDefault,
        issueWhen: issueWhen.map((c) => c.code),
      },
      summary:
        (issuedByDefault ? '' : `${name}原则上不编发会议纪要；${exception}的，`) +
        `${issuedByDefault ? name : ''}纪要` +
        (reviewChain.length ? `经 ${chainText(context.rulebook, reviewChain)} 审核后，` : '') +
        (signer.length ? `由${eitherPost(context.rulebook, signer)}签发` : '（规则未规定签发人）') +
        (dueWithin
          ? `；应在会后${formatPeriod(dueWithin)}内${deadline && issued ? `（${deadline.due}前）` : ''}印发`
          : ''),
      citations: cite(rule, ...periodRules),
      warnings: deadline?.warnings ?? [],
    }
  },
})
