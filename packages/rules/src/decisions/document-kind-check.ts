import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'

/** Whether a document kind is one of the statutory 文种. */
export const documentKindCheck = defineDecision({
  name: 'document-kind-check',
  title: '公文文种',
  kinds: ['documentKinds'],
  input: z.strictObject({ documentKind: z.string() }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'documentKinds')[0]
    if (!rule) throw noRule(context, '公文种类')
    const valid = rule.params.kinds.includes(input.documentKind)
    return {
      outcome: { valid, kinds: rule.params.kinds },
      summary: valid
        ? `"${input.documentKind}"是法定公文文种`
        : `"${input.documentKind}"不是法定公文文种（法定文种：${rule.params.kinds.join('、')}）`,
      citations: cite(rule),
      warnings: [],
    }
  },
})
