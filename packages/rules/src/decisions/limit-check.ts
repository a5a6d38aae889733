import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { numberWordingRule } from './wording.ts'

/** Whether a value respects a cap or floor: 不超过 includes the number, 超过 does not. */
export const limitCheck = defineDecision({
  name: 'limit-check',
  title: '数量与时长限制',
  kinds: ['limit', 'numberWording'],
  input: z.strictObject({ subject: z.string(), value: z.number() }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'limit').find(
      (r) => r.params.subject.code === input.subject,
    )
    if (!rule) throw noRule(context, `"${input.subject}"的数量限制`)
    const { max, min, inclusive, unit, subject } = rule.params
    const belowMax = max === undefined || (inclusive ? input.value <= max : input.value < max)
    const aboveMin = min === undefined || (inclusive ? input.value >= min : input.value > min)
    const within = belowMax && aboveMin
    const bounds = [
      min !== undefined ? `不少于${min}${unit}` : '',
      max !== undefined ? `不超过${max}${unit}` : '',
    ]
      .filter(Boolean)
      .join('且')
    return {
      outcome: { within, max: max ?? null, min: min ?? null, inclusive },
      summary: `${subject.label}应${inclusive ? bounds : bounds.replaceAll('不超过', '少于').replaceAll('不少于', '多于')}；本次 ${input.value}${unit}，${within ? '符合' : '不符合'}规定`,
      citations: cite(rule, numberWordingRule(context)),
      warnings: [],
    }
  },
})
