import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'

/** Whether a matter has gone through the steps the rules require, in order where they say so. */
export const procedureCheck = defineDecision({
  name: 'procedure-check',
  title: '法定程序检查',
  kinds: ['procedure'],
  input: z.strictObject({ matter: z.string(), completed: z.array(z.string()).default([]) }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'procedure').filter(
      (r) => r.params.matter.code === input.matter,
    )
    if (rules.length === 0) throw noRule(context, `"${input.matter}"的程序`)
    const missing: { code: string; label: string; ruleId: string }[] = []
    const outOfOrder: { code: string; label: string; ruleId: string }[] = []
    for (const rule of rules) {
      const steps = rule.params.steps
      for (const step of steps)
        if (!input.completed.includes(step.code)) missing.push({ ...step, ruleId: rule.id })
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
