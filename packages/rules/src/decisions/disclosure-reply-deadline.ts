import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'

/** 政府信息公开条例 第三十三条: reply within the period from receipt; one extension at most. */
export const disclosureReplyDeadline = defineDecision({
  name: 'disclosure-reply-deadline',
  title: '依申请公开答复时限',
  kinds: ['disclosureReply', 'periodComputation'],
  input: z.strictObject({ receivedOn: localDateInput, extended: z.boolean().default(false) }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'disclosureReply', input.receivedOn)[0]
    if (!rule) throw noRule(context, '依申请公开的答复时限')
    const first = deadlineFrom(context, input.receivedOn, rule.params.within)
    const extended = input.extended
      ? deadlineFrom(context, first.due, rule.params.extension)
      : undefined
    const periodRules = [...first.periodRules, ...(extended?.periodRules ?? [])]
    return {
      outcome: {
        due: extended?.due ?? first.due,
        originalDue: first.due,
        extended: input.extended,
      },
      summary:
        `自收到申请之日起${formatPeriod(rule.params.within)}内答复，截止 ${first.due}` +
        (extended
          ? `；经批准延长${formatPeriod(rule.params.extension)}，截止 ${extended.due}`
          : ''),
      citations: cite(rule, ...periodRules),
      warnings: [...first.warnings, ...(extended?.warnings ?? [])],
    }
  },
})
