import { z } from 'zod'
import { type ResolvedRule, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { postTitles } from './post-titles.ts'

/**
 * The prohibition acts a register entry breaches, by its kind: a report made after its
 * deadline is 迟报; one still missing at the deadline is 迟报 and, if it never comes, 漏报;
 * an overdue 续报 is 迟报 of the follow-up.
 */
const ACTS = {
  late: ['lateIncidentReport'],
  missing: ['lateIncidentReport', 'concealedOrOmittedIncidentReport'],
  followUpOverdue: ['lateIncidentReport'],
} as const
/** The matter of the rule naming who circulates (通报) late, missing and concealed reports. */
const SANCTION_MATTER = 'incidentLateReport'

function readsRule(rule: ResolvedRule): boolean {
  if (rule.kind === 'prohibition')
    return Object.values(ACTS).some((acts) =>
      (acts as readonly string[]).includes(rule.params.act.code),
    )
  return rule.kind === 'responsibility' && rule.params.matter.code === SANCTION_MATTER
}

/**
 * Which articles a late, missing or overdue incident report breaches, and who circulates it
 * (木里 第八十九条 通报批评 by the county government; 托克逊 七十六, 二连浩特 三十六 and 钟山
 * 第五十八条 forbid 迟报): what the 迟报漏报 register and its circular cite.
 */
export const incidentLateReport = defineDecision({
  name: 'incident-late-report',
  title: '迟报漏报突发事件信息的责任',
  kinds: ['prohibition', 'responsibility'],
  reads: readsRule,
  input: z.strictObject({
    /** Absent: every kind (a circular over a period's entries cites all the register can hold). */
    kind: z.enum(['late', 'missing', 'followUpOverdue']).optional(),
    on: localDateInput,
  }),
  decide(context, input) {
    const acts: readonly string[] = input.kind
      ? ACTS[input.kind]
      : [...new Set(Object.values(ACTS).flat())]
    const prohibitions = rulesOfKind(context.rulebook, 'prohibition', input.on).filter((rule) =>
      acts.includes(rule.params.act.code),
    )
    const sanctions = rulesOfKind(context.rulebook, 'responsibility', input.on).filter(
      (rule) => rule.params.matter.code === SANCTION_MATTER,
    )
    if (prohibitions.length + sanctions.length === 0)
      throw noRule(context, '迟报、漏报突发事件信息的责任')
    const circulatedBy = [...new Set(sanctions.flatMap((rule) => rule.params.posts))]
    const breached = prohibitions.map((rule) => ({
      ruleId: rule.id,
      act: rule.params.act.code,
      label: rule.params.act.label,
    }))
    const sanction = sanctions[0]?.params.matter.label ?? null
    return {
      outcome: { kind: input.kind ?? null, breached, circulatedBy, sanction },
      summary: [
        ...breached.map((item) => `违反“不得${item.label}”`),
        ...(circulatedBy.length
          ? [`由${postTitles(context.rulebook, circulatedBy)}通报（${sanction ?? ''}）`]
          : []),
      ].join('；'),
      citations: cite(...prohibitions, ...sanctions),
      warnings: [],
    }
  },
})

/** The outcome of incident-late-report: the breached prohibitions and who circulates. */
export type IncidentLateReportOutcome = ReturnType<(typeof incidentLateReport)['decide']>['outcome']
