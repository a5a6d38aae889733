import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { meetingName, ruleForMeeting } from './meeting-rules.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'
import { chainText, eitherPost } from './post-titles.ts'

/** Who reviews and signs a meeting's minutes, and by when they are due. */
export const minutesDue = defineDecision({
  name: 'minutes-due',
  title: '会议纪要审核签发与时限',
  kinds: ['minutes', 'periodComputation'],
  input: z.strictObject({ meeting: z.string(), meetingDate: localDateInput.optional() }),
  decide(context, input) {
    const rule = ruleForMeeting(context, 'minutes', input.meeting, input.meetingDate)
    const name = meetingName(context, input.meeting)
    if (!rule) throw noRule(context, `${name}纪要的签发`)
    const { reviewChain, signer, dueWithin, drafter } = rule.params
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
        due: deadline?.due ?? null,
        dueWithin: dueWithin ?? null,
      },
      summary:
        `${name}纪要` +
        (reviewChain.length ? `经 ${chainText(context.rulebook, reviewChain)} 审核后，` : '') +
        (signer.length ? `由${eitherPost(context.rulebook, signer)}签发` : '（规则未规定签发人）') +
        (dueWithin
          ? `；应在会后${formatPeriod(dueWithin)}内${deadline ? `（${deadline.due}前）` : ''}印发`
          : ''),
      citations: cite(rule, ...periodRules),
      warnings: deadline?.warnings ?? [],
    }
  },
})
