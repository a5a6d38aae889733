import { z } from 'zod'
import { checkAdvanceNotice } from '../periods/advance-notice.ts'
import { formatPeriod } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { meetingName } from './meeting-rules.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'

/** Whether an item is admitted to a meeting's agenda: exclusions, required prior steps, caps, lead time. */
export const agendaAdmission = defineDecision({
  name: 'agenda-admission',
  title: '会议议题准入',
  kinds: ['agendaAdmission'],
  input: z.strictObject({
    meeting: z.string(),
    /** Exclusion codes that describe the item, e.g. withinDepartmentAuthority. */
    characteristics: z.array(z.string()).default([]),
    /** Steps done before submission, e.g. legalityReview, consultation. */
    completed: z.array(z.string()).default([]),
    itemsAlreadyOnAgenda: z.number().int().nonnegative().default(0),
    submittedOn: localDateInput.optional(),
    meetingDate: localDateInput.optional(),
  }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'agendaAdmission', input.meetingDate).filter(
      (rule) => !rule.when?.meetings || rule.when.meetings.includes(input.meeting),
    )
    if (rules.length === 0) throw noRule(context, '该会议的议题准入条件')
    const reasons: { code: string; label: string; ruleId: string }[] = []
    const warnings = []
    for (const rule of rules) {
      const { excluded, requiredBefore, maxItems, submitBefore } = rule.params
      for (const item of excluded) {
        if (input.characteristics.includes(item.code))
          reasons.push({ code: item.code, label: `不列入议题：${item.label}`, ruleId: rule.id })
      }
      for (const step of requiredBefore) {
        if (!input.completed.includes(step.code))
          reasons.push({ code: step.code, label: `尚未完成：${step.label}`, ruleId: rule.id })
      }
      if (maxItems !== undefined && input.itemsAlreadyOnAgenda >= maxItems) {
        reasons.push({ code: 'agendaFull', label: `议题已达上限 ${maxItems} 个`, ruleId: rule.id })
      }
      if (submitBefore && input.submittedOn && input.meetingDate) {
        const check = checkAdvanceNotice({
          event: input.meetingDate,
          period: submitBefore,
          calendar: context.calendar,
          given: input.submittedOn,
        })
        warnings.push(...check.warnings)
        if (check.onTime === false) {
          reasons.push({
            code: 'submittedLate',
            label: `应于会前${formatPeriod(submitBefore)}（${check.latest}前）报送`,
            ruleId: rule.id,
          })
        }
      }
    }
    const admitted = reasons.length === 0
    const name = meetingName(context, input.meeting)
    return {
      outcome: { admitted, reasons },
      summary: admitted
        ? `可列入${name}议题`
        : `暂不列入${name}议题：${reasons.map((r) => r.label).join('；')}`,
      citations: cite(
        ...(admitted ? rules : rules.filter((rule) => reasons.some((r) => r.ruleId === rule.id))),
      ),
      warnings,
    }
  },
})
