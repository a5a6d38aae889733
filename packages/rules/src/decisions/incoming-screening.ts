import { z } from 'zod'
import { matchScore } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { categoriesNamed, direction, localDateInput, refuseUnknownKeys } from './inputs.ts'

/**
 * Whether an incoming document is accepted. The caller states the facts found on screening
 * (e.g. { multipleMainRecipients: true }); every rule whose condition is met refuses it,
 * and each reason cites its article. `conditions` lists everything screening asks about such a
 * document, so a form can show the clerk the rulebook's own checklist.
 */
export const incomingScreening = defineDecision({
  name: 'incoming-screening',
  title: '收文初审（受理或退回）',
  kinds: ['incomingScreening'],
  input: z.strictObject({
    documentKind: z.string(),
    direction: direction.optional(),
    issuer: z.string().optional(),
    /** What the document is about, where the text screens on it: normativeDocument (行政规范性文件). */
    categories: z.array(z.string()).optional(),
    findings: z.record(z.string(), z.boolean()),
    asOf: localDateInput.optional(),
  }),
  codes(rulebook, input) {
    const rules = rulesOfKind(rulebook, 'incomingScreening', input.asOf)
    if (rules.length === 0) return undefined
    // Every category a screening rule in force selects on, whichever document it screens.
    return { categories: { known: categoriesNamed(rules), what: '收文初审规则' } }
  },
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'incomingScreening', input.asOf).filter(
      (rule) => matchScore(rule.when, input) >= 0,
    )
    if (rules.length === 0) throw noRule(context, `${input.documentKind}的受理条件`)
    // A finding the screening of this document does not ask about (misspelt, or another kind's)
    // is refused by name: it must never pass as "nothing found".
    refuseUnknownKeys(
      'findings',
      input.findings,
      new Set(rules.flatMap((rule) => rule.params.refuseWhen.map((c) => c.code))),
      `${input.documentKind}的初审`,
    )
    const reasons = rules.flatMap((rule) =>
      rule.params.refuseWhen
        .filter((condition) => input.findings[condition.code] === true)
        .map((condition) => ({
          code: condition.code,
          label: condition.label,
          ruleId: rule.id,
          outcome: rule.params.outcome,
        })),
    )
    // What screening asks about this document: each condition once, with the rules naming it.
    const conditions = new Map<string, { code: string; label: string; ruleIds: string[] }>()
    for (const rule of rules)
      for (const condition of rule.params.refuseWhen) {
        const entry = conditions.get(condition.code)
        if (entry) entry.ruleIds.push(rule.id)
        else conditions.set(condition.code, { ...condition, ruleIds: [rule.id] })
      }
    const triggered = rules.filter((rule) => reasons.some((reason) => reason.ruleId === rule.id))
    const accepted = reasons.length === 0
    const action = reasons.some((reason) => reason.outcome === 'refuse')
      ? 'refuse'
      : accepted
        ? 'accept'
        : 'return'
    return {
      outcome: {
        accepted,
        action,
        reasons,
        conditions: [...conditions.values()],
      },
      summary: accepted
        ? `予以受理：未发现${input.documentKind}不予受理或退回的情形`
        : `${action === 'refuse' ? '不予受理' : '退回'}：${reasons.map((reason) => reason.label).join('；')}`,
      citations: cite(...(accepted ? rules : triggered)),
      warnings: [],
    }
  },
})
