import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { pickMostSpecific } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'
import { chainText, postTitles } from './post-titles.ts'

/** Who reviews and signs a meeting's minutes, and by when they are due. */
export const minutesDue = defineDecision({
  name: 'minutes-due',
  title: '会议纪要审核签发与时限',
  kinds: ['minutes', 'periodComputation'],
  input: z.strictObject({ meeting: z.string(), meetingDate: localDateInput.optional() }),
  decide(context, input) {
    const rule = pickMostSpecific(
      rulesOfKind(context.rulebook, 'minutes', input.meetingDate).filter((r) =>
        r.when?.meetings?.includes(input.meeting),
      ),
      { meeting: input.meeting },
    )
    const meetingName = context.rulebook.meetings.get(input.meeting)?.name ?? input.meeting
    if (!rule) throw noRule(context, `${meetingName}纪要的签发`)
    const { reviewChain, signer, dueWithin, drafter } = rule.params
    const deadline =
      dueWithin && input.meetingDate
        ? deadlineFrom(context, input.meetingDate, dueWithin)
        : undefined
    const periodRules =
      deadline?.citations.map((c) => context.rulebook.rules.find((r) => r.id === c.ruleId)) ?? []
    return {
      outcome: {
        drafter: drafter ?? [],
        reviewChain,
        signer,
        due: deadline?.due ?? null,
        dueWithin: dueWithin ?? null,
      },
      summary:
        `${meetingName}纪要${reviewChain.length ? `经 ${chainText(context.rulebook, reviewChain)} 审核后，` : ''}由${postTitles(context.rulebook, signer)}签发` +
        (dueWithin
          ? `；应在会后${formatPeriod(dueWithin)}内${deadline ? `（${deadline.due}前）` : ''}印发`
          : ''),
      citations: cite(rule, ...periodRules),
      warnings: deadline?.warnings ?? [],
    }
  },
})
