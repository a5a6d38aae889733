import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { pickMostSpecific } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'
import { postTitles } from './post-titles.ts'

const CONSEQUENCE = {
  deemedNoObjection: '逾期不回复视为无不同意见',
  remindFirst: '逾期先催办',
  escalate: '逾期报请领导协调',
} as const

/** When a consulted department must reply, and what its silence means once the day has passed. */
export const countersignDeadline = defineDecision({
  name: 'countersign-deadline',
  title: '会签/征求意见回复时限',
  kinds: ['countersign', 'periodComputation'],
  input: z.strictObject({
    requestedOn: localDateInput,
    /** The lead department's own limit, where the rules let it set one. */
    leadDepartmentDueDate: localDateInput.optional(),
    repliedOn: localDateInput.optional(),
    today: localDateInput.optional(),
    issuer: z.string().optional(),
  }),
  decide(context, input) {
    const rule = pickMostSpecific(
      rulesOfKind(context.rulebook, 'countersign', input.requestedOn),
      input,
    )
    if (!rule) throw noRule(context, '会签回复时限')
    const { params } = rule
    const useLeadLimit = params.leadMaySetLimit && input.leadDepartmentDueDate !== undefined
    const computed = deadlineFrom(context, input.requestedOn, params.replyWithin)
    const due = useLeadLimit ? (input.leadDepartmentDueDate as string) : computed.due
    const checkedOn = input.repliedOn ?? input.today
    const status =
      input.repliedOn !== undefined
        ? input.repliedOn <= due
          ? 'repliedOnTime'
          : 'repliedLate'
        : checkedOn !== undefined && checkedOn > due
          ? 'overdue'
          : 'pending'
    const consequence = status === 'overdue' || status === 'repliedLate' ? params.overdue : null
    const reminderDue =
      consequence === 'remindFirst' && params.afterReminderWithin && input.today
        ? deadlineFrom(context, input.today, params.afterReminderWithin).due
        : null
    const reminder = params.reminder ? postTitles(context.rulebook, params.reminder) : null
    return {
      outcome: {
        due,
        replyWithin: params.replyWithin,
        status,
        overdueMeans: params.overdue,
        consequence,
        reminder: params.reminder ?? [],
        reminderDue,
        leadLimitApplied: useLeadLimit,
      },
      summary:
        `${useLeadLimit ? '按主办部门另定时限' : `应在${formatPeriod(params.replyWithin)}内回复`}，截止 ${due}；` +
        (consequence === 'remindFirst'
          ? `已逾期，${reminder ? `由${reminder}` : ''}先行催办`
          : consequence
            ? `已逾期，${CONSEQUENCE[consequence]}`
            : CONSEQUENCE[params.overdue]),
      citations: cite(rule, ...(useLeadLimit ? [] : computed.periodRules)),
      warnings: useLeadLimit ? [] : computed.warnings,
    }
  },
})
