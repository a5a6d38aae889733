import { z } from 'zod'
import { pickMostSpecific } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { categoriesNamed, localDateInput } from './inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { postTitles } from './post-titles.ts'
import { numberWordingRule } from './wording.ts'

function within(
  amount: number,
  tier: {
    above?: { amount: number; inclusive: boolean }
    upTo?: { amount: number; inclusive: boolean }
  },
) {
  const lowOk =
    !tier.above || (tier.above.inclusive ? amount >= tier.above.amount : amount > tier.above.amount)
  const highOk =
    !tier.upTo || (tier.upTo.inclusive ? amount <= tier.upTo.amount : amount < tier.upTo.amount)
  return lowOk && highOk
}

/** Who approves spending by amount (yuan), per the tier bounds and their 以上/以下 wording. */
export const fundsApproval = defineDecision({
  name: 'funds-approval',
  title: '资金审批权限',
  kinds: ['fundsApproval', 'numberWording'],
  input: z.strictObject({
    amount: z.number().nonnegative(),
    category: z.string().optional(),
    asOf: localDateInput.optional(),
  }),
  codes(rulebook, input) {
    const rules = rulesOfKind(rulebook, 'fundsApproval', input.asOf)
    if (rules.length === 0) return undefined
    return { category: { known: categoriesNamed(rules), what: '资金审批权限规则' } }
  },
  decide(context, input) {
    const rule = pickMostSpecific(rulesOfKind(context.rulebook, 'fundsApproval', input.asOf), {
      category: input.category,
    })
    if (!rule) throw noRule(context, '资金审批权限')
    const tier = rule.params.tiers.find((t) => within(input.amount, t))
    if (!tier) throw noRule(context, `${input.amount}元的审批权限`)
    return {
      outcome: { approver: tier.approver, tier },
      summary: `${input.amount.toLocaleString('zh-CN')}元，由${postTitles(context.rulebook, tier.approver)}审批`,
      citations: cite(rule, numberWordingRule(context)),
      warnings: [],
    }
  },
})
