import { z } from 'zod'
import { checkAdvanceNotice } from '../periods/advance-notice.ts'
import { formatPeriod } from '../periods/period.ts'
import { type ResolvedRulebook, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { meetingName } from './meeting-rules.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { eitherPost, postTitles } from './post-titles.ts'

interface Labelled {
  code: string
  label: string
}

/** Why an item is not admitted, and the rule that says so. */
export interface AgendaReason extends Labelled {
  ruleId: string
  /** For a step not yet done: the rulebook posts that record it (any of them). */
  recordedBy?: string[]
}

/**
 * One check the rules make for this meeting, for a checklist shown before submission.
 * excluded: the item must not have this characteristic. required: every item needs this step.
 * requiredWhen: the step is needed when the item has the characteristic in `when`.
 * overCap: the step lets an item in once the agenda is full (`when` says how full).
 */
export interface AgendaCondition extends Labelled {
  type: 'excluded' | 'required' | 'requiredWhen' | 'overCap'
  ruleId: string
  when?: Labelled
  /** For a step: the rulebook posts that record it as done (any of them). */
  recordedBy?: string[]
}

export interface AgendaAdmissionOutcome {
  admitted: boolean
  reasons: AgendaReason[]
  conditions: AgendaCondition[]
  /** Posts that approve the meeting's agenda (县长审批同意, 由区长审定), from `decidedBy`. */
  approvers: string[]
}

/** The agenda rules in force for the meeting. */
function agendaRules(
  rulebook: ResolvedRulebook,
  input: { meeting: string; asOf?: string | undefined; meetingDate?: string | undefined },
) {
  return rulesOfKind(rulebook, 'agendaAdmission', input.asOf ?? input.meetingDate).filter(
    (rule) => !rule.when?.meetings || rule.when.meetings.includes(input.meeting),
  )
}

/**
 * Whether an item is admitted to a meeting's agenda: exclusions, required prior steps (always,
 * or when the item has a characteristic), caps and what lets an item past a full agenda, lead time.
 */
export const agendaAdmission = defineDecision({
  name: 'agenda-admission',
  title: '会议议题准入',
  kinds: ['agendaAdmission'],
  input: z.strictObject({
    meeting: z.string(),
    /**
     * What describes the item: exclusion codes (withinDepartmentAuthority) and the conditions
     * that bring in further steps (involvesOtherUnits, majorDecision).
     */
    characteristics: z.array(z.string()).default([]),
    /** Steps done before submission, e.g. legalityReview, consultation, principalConsent. */
    completed: z.array(z.string()).default([]),
    itemsAlreadyOnAgenda: z.number().int().nonnegative().default(0),
    submittedOn: localDateInput.optional(),
    meetingDate: localDateInput.optional(),
    /** The date whose rules apply; defaults to the meeting date. */
    asOf: localDateInput.optional(),
  }),
  codes(rulebook, input) {
    const rules = agendaRules(rulebook, input)
    if (rules.length === 0) return undefined
    const name = `${rulebook.meetings.get(input.meeting)?.name ?? input.meeting}的议题准入规则`
    return {
      // What may describe an item: the exclusions and the conditions that bring in steps.
      characteristics: {
        known: new Set(
          rules.flatMap(({ params }) => [
            ...params.excluded.map((item) => item.code),
            ...params.requiredWhen.map(({ condition }) => condition.code),
          ]),
        ),
        what: name,
      },
      // What may be done: every step the rules list, always, when, or past a full agenda.
      completed: {
        known: new Set(
          rules.flatMap(({ params }) => [
            ...params.requiredBefore.map((step) => step.code),
            ...params.requiredWhen.flatMap(({ steps }) => steps.map((step) => step.code)),
            ...params.overCapRequires.map((step) => step.code),
          ]),
        ),
        what: name,
      },
    }
  },
  decide(context, input) {
    const rules = agendaRules(context.rulebook, input)
    if (rules.length === 0) throw noRule(context, '该会议的议题准入条件')
    const has = (code: string) => input.characteristics.includes(code)
    const done = (code: string) => input.completed.includes(code)
    const reasons: AgendaReason[] = []
    const conditions: AgendaCondition[] = []
    const approvers: string[] = []
    const warnings = []
    for (const rule of rules) {
      const { excluded, requiredBefore, requiredWhen, overCapRequires, maxItems, submitBefore } =
        rule.params
      const ruleId = rule.id
      for (const item of excluded) {
        conditions.push({ type: 'excluded', code: item.code, label: item.label, ruleId })
        if (has(item.code))
          reasons.push({ code: item.code, label: `不列入议题：${item.label}`, ruleId })
      }
      for (const step of requiredBefore) {
        conditions.push({ type: 'required', ...step, ruleId })
        if (!done(step.code))
          reasons.push({
            code: step.code,
            label: `尚未完成：${step.label}`,
            ruleId,
            recordedBy: step.recordedBy,
          })
      }
      for (const { condition, steps } of requiredWhen) {
        for (const step of steps) {
          conditions.push({ type: 'requiredWhen', ...step, ruleId, when: condition })
          if (has(condition.code) && !done(step.code)) {
            reasons.push({
              code: step.code,
              label: `尚未完成：${step.label}（因${condition.label}）`,
              ruleId,
              recordedBy: step.recordedBy,
            })
          }
        }
      }
      if (maxItems !== undefined) {
        const full = { code: 'agendaFull', label: `议题已达上限 ${maxItems} 个` }
        for (const step of overCapRequires)
          conditions.push({ type: 'overCap', ...step, ruleId, when: full })
        if (input.itemsAlreadyOnAgenda >= maxItems) {
          const missing = overCapRequires.filter((step) => !done(step.code))
          // Full: refused outright, or admitted once every over-cap step is done.
          if (overCapRequires.length === 0 || missing.length) reasons.push({ ...full, ruleId })
          for (const step of missing) {
            reasons.push({
              code: step.code,
              label: `尚未完成：${step.label}（因${full.label}）`,
              ruleId,
              recordedBy: step.recordedBy,
            })
          }
        }
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
            ruleId,
          })
        }
      }
      for (const post of rule.params.decidedBy ?? [])
        if (!approvers.includes(post)) approvers.push(post)
    }
    const admitted = reasons.length === 0
    const name = meetingName(context, input.meeting)
    const approvedBy = approvers.length
      ? `；议题由${postTitles(context.rulebook, approvers)}审定`
      : ''
    // Who records each missing step, once per step: 尚未完成：报县长审批同意（由县长登记）.
    const recordedBy = (reason: AgendaReason) =>
      reason.recordedBy ? `（由${eitherPost(context.rulebook, reason.recordedBy)}登记）` : ''
    const cited = admitted
      ? rules
      : rules.filter(
          (rule) =>
            reasons.some((r) => r.ruleId === rule.id) || (rule.params.decidedBy ?? []).length > 0,
        )
    return {
      outcome: { admitted, reasons, conditions, approvers } satisfies AgendaAdmissionOutcome,
      summary:
        (admitted
          ? `可列入${name}议题`
          : `暂不列入${name}议题：${reasons.map((r) => r.label + recordedBy(r)).join('；')}`) +
        approvedBy,
      citations: cite(...cited),
      warnings,
    }
  },
})
