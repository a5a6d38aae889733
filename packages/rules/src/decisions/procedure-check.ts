import { z } from 'zod'
import { matchScore } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { quantitiesInput, requireFacts } from './condition-inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { categoriesNamed } from './inputs.ts'

/**
 * Whether a matter has gone through the steps the rules require, in order where they say so. A
 * rule with `when` binds only the matters its conditions hold for, all of them (且): 涉及两个以上
 * 部门职权且涉及群众切身利益的 (二连浩特 二十四) needs both the count and the category.
 */
export const procedureCheck = defineDecision({
  name: 'procedure-check',
  title: '法定程序检查',
  kinds: ['procedure'],
  input: z.strictObject({
    matter: z.string(),
    completed: z.array(z.string()).default([]),
    /** What the matter involves, for rules that depend on it (publicInterest…). */
    categories: z.array(z.string()).optional(),
    /** Measured quantities for rules with thresholds (departmentsInvolved: 2). */
    quantities: quantitiesInput.optional(),
  }),
  codes(rulebook, input) {
    const forMatter = rulesOfKind(rulebook, 'procedure').filter(
      (r) => r.params.matter.code === input.matter,
    )
    if (forMatter.length === 0) return undefined
    const what = `"${forMatter[0]?.params.matter.label ?? input.matter}"的程序规则`
    return {
      completed: {
        known: new Set(forMatter.flatMap((rule) => rule.params.steps.map((step) => step.code))),
        what,
      },
      categories: { known: categoriesNamed(forMatter), what },
    }
  },
  decide(context, input) {
    const forMatter = rulesOfKind(context.rulebook, 'procedure').filter(
      (r) => r.params.matter.code === input.matter,
    )
    if (forMatter.length === 0) throw noRule(context, `"${input.matter}"的程序`)
    const facts = { categories: input.categories ?? [], quantities: input.quantities }
    requireFacts(forMatter, facts, forMatter[0]?.params.matter.label ?? input.matter)
    const rules = forMatter.filter((rule) => matchScore(rule.when, facts) >= 0)
    if (rules.length === 0)
      return {
        outcome: { complete: true, applies: false, missing: [], outOfOrder: [], steps: [] },
        summary: `${forMatter[0]?.params.matter.label ?? input.matter}：不在规定情形之内，无须履行所列程序`,
        citations: cite(...forMatter),
        warnings: [],
      }
    const missing: { code: string; label: string; ruleId: string }[] = []
    const outOfOrder: { code: string; label: string; ruleId: string }[] = []
    for (const rule of rules) {
      const steps = rule.params.steps
      for (const step of steps)
        // A step two applicable rules require is missing once (the first rule naming it).
        if (!input.completed.includes(step.code) && !missing.some((m) => m.code === step.code))
          missing.push({ ...step, ruleId: rule.id })
      if (rule.params.ordered) {
        const positions = steps.map((s) => input.completed.indexOf(s.code)).filter((p) => p >= 0)
        positions.forEach((position, index) => {
          if (index > 0 && position < (positions[index - 1] as number)) {
            const step = steps.filter((s) => input.completed.includes(s.code))[index]
            if (step) outOfOrder.push({ ...step, ruleId: rule.id })
          }
        })
      }
    }
    const complete = missing.length === 0 && outOfOrder.length === 0
    const label = rules[0]?.params.matter.label ?? input.matter
    return {
      outcome: {
        complete,
        applies: true,
        missing,
        outOfOrder,
        steps: rules.flatMap((r) => r.params.steps.map((s) => s.code)),
      },
      summary: complete
        ? `${label}已履行全部规定程序`
        : `${label}程序不完整：${[...missing.map((m) => `缺少${m.label}`), ...outOfOrder.map((m) => `${m.label}顺序不当`)].join('；')}`,
      citations: cite(...rules),
      warnings: [],
    }
  },
})
