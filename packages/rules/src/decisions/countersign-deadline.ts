import { z } from 'zod'
import { formatPeriod } from '../periods/period.ts'
import { pickMostSpecific } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { deadlineFrom } from './period-support.ts'
import { postTitles } from './post-titles.ts'

const CONSEQUENCE = {
  deemedNoObjection: '视为无不同意见',
  remindFirst: '先行提醒督促',
  explainOrCircular: '应书面说明情况和理由，否则予以通报',
} as const

/**
 * What the document waits for from a request still open: the reply within its period; once it
 * lapsed, the reminder (remindFirst) and then the reply within the reminder's period; the
 * department's written explanation or the office's circular (explainOrCircular). `null` once the
 * request is replied to or settled, when the signer may go on.
 */
type Awaiting = 'reply' | 'reminder' | 'replyAfterReminder' | 'explanationOrCircular' | null

/** How a lapsed request was settled so the document goes on without the reply. */
type Settled = 'deemedNoObjection' | 'explained' | 'circulated' | null

type Round = 'pending' | 'repliedOnTime' | 'repliedLate' | 'overdue'

function roundStatus(due: string, repliedOn?: string, today?: string): Round {
  if (repliedOn !== undefined) return repliedOn <= due ? 'repliedOnTime' : 'repliedLate'
  return today !== undefined && today > due ? 'overdue' : 'pending'
}

/**
 * When a consulted department must reply, and what its silence means once the day has passed.
 * Where the rules remind first (延津 三十), a second round runs from the reminder, and a second
 * silence has its own meaning. Where the late department must explain in writing or be
 * circulated (二连浩特 五十一), either act settles the lateness. The answer says what the
 * document now waits for (awaiting) and how an unanswered request was settled (settled).
 */
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
    /** The day the reminder desk reminded the department, and the date it set, if any. */
    remindedOn: localDateInput.optional(),
    reminderDueDate: localDateInput.optional(),
    /** The day the department filed its written explanation (书面说明), if any. */
    explainedOn: localDateInput.optional(),
    /** The day the office circulated the department (通报), if any. */
    circulatedOn: localDateInput.optional(),
    issuer: z.string().optional(),
  }),
  decide(context, input) {
    const rule = pickMostSpecific(
      rulesOfKind(context.rulebook, 'countersign', input.requestedOn),
      input,
    )
    if (!rule) throw noRule(context, '会签回复时限')
    const { params } = rule
    const { rulebook } = context
    const useLeadLimit = params.leadMaySetLimit && input.leadDepartmentDueDate !== undefined
    const computed = deadlineFrom(context, input.requestedOn, params.replyWithin)
    const due = useLeadLimit ? (input.leadDepartmentDueDate as string) : computed.due
    const status = roundStatus(due, input.repliedOn, input.today)
    const lapsed = status === 'overdue' || status === 'repliedLate'

    // The second round exists only where the rules remind first.
    const reminding = lapsed && params.overdue === 'remindFirst'
    const remindedOn = input.remindedOn ?? (reminding ? input.today : undefined)
    const reminderPeriod =
      reminding && !input.reminderDueDate && params.afterReminderWithin && remindedOn
        ? deadlineFrom(context, remindedOn, params.afterReminderWithin)
        : undefined
    const reminderDue = reminding ? (input.reminderDueDate ?? reminderPeriod?.due ?? null) : null
    const reminderStatus =
      reminding && reminderDue && input.remindedOn !== undefined
        ? roundStatus(reminderDue, input.repliedOn, input.today)
        : null
    const lapsedAgain = reminderStatus === 'overdue' || reminderStatus === 'repliedLate'
    const consequence = !lapsed
      ? null
      : lapsedAgain && params.afterReminder
        ? params.afterReminder
        : params.overdue

    const replied = input.repliedOn !== undefined
    const reminded = input.remindedOn !== undefined
    const explained = lapsed && params.overdue === 'explainOrCircular'
    const settled: Settled =
      replied || !lapsed
        ? null
        : consequence === 'deemedNoObjection'
          ? 'deemedNoObjection'
          : explained && input.explainedOn !== undefined
            ? 'explained'
            : explained && input.circulatedOn !== undefined
              ? 'circulated'
              : null
    const awaiting: Awaiting =
      replied || settled
        ? null
        : !lapsed
          ? 'reply'
          : params.overdue === 'remindFirst'
            ? reminded
              ? 'replyAfterReminder'
              : 'reminder'
            : 'explanationOrCircular'

    const reminder = params.reminder?.length ? `由${postTitles(rulebook, params.reminder)}` : ''
    const reportedBy = params.reportedBy?.length
      ? `${postTitles(rulebook, params.reportedBy)}上报，`
      : ''
    const afterReminder = params.afterReminder
      ? `；再次未反馈的，${CONSEQUENCE[params.afterReminder]}`
      : ''
    const limit = useLeadLimit
      ? `按主办部门另定时限，截止 ${due}`
      : `应在${formatPeriod(params.replyWithin)}内回复，截止 ${due}`
    const circulatedBy = params.circulatedBy?.length
      ? `由${postTitles(rulebook, params.circulatedBy)}`
      : ''
    const rule1 =
      params.overdue === 'remindFirst'
        ? `逾期未反馈的，${reportedBy}${reminder}提醒督促${afterReminder}`
        : params.overdue === 'explainOrCircular'
          ? `逾期不能办结的，应书面说明情况和理由，否则${circulatedBy}予以通报`
          : `逾期不回复的，${CONSEQUENCE[params.overdue]}`
    const state = !lapsed
      ? status === 'repliedOnTime'
        ? '已按时回复'
        : ''
      : lapsedAgain && params.afterReminder
        ? `提醒后仍未按期反馈（提醒期限 ${reminderDue}），${CONSEQUENCE[params.afterReminder]}`
        : params.overdue === 'remindFirst'
          ? `已逾期，${reminder}提醒督促${reminderDue ? `，提醒后应于 ${reminderDue} 前反馈` : ''}`
          : settled === 'explained'
            ? `已逾期，已于 ${input.explainedOn} 书面说明情况和理由`
            : settled === 'circulated'
              ? `已逾期，未书面说明，已于 ${input.circulatedOn} 通报`
              : `已逾期，${CONSEQUENCE[params.overdue]}`
    return {
      outcome: {
        due,
        replyWithin: params.replyWithin,
        status,
        overdueMeans: params.overdue,
        afterReminderMeans: params.afterReminder ?? null,
        consequence,
        awaiting,
        settled,
        reminder: params.reminder ?? [],
        circulatedBy: params.circulatedBy ?? [],
        reminderDue,
        reminderStatus,
        leadLimitApplied: useLeadLimit,
      },
      summary: [limit, rule1, state].filter(Boolean).join('；'),
      citations: cite(
        rule,
        ...(useLeadLimit ? [] : computed.periodRules),
        ...(reminderPeriod?.periodRules ?? []),
      ),
      warnings: [...(useLeadLimit ? [] : computed.warnings), ...(reminderPeriod?.warnings ?? [])],
    }
  },
})
