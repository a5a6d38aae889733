import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { eitherPost, postTitles } from './post-titles.ts'

/** Whether an act the rules forbid is allowed here: only with the approval they name, if any. */
export const prohibitionCheck = defineDecision({
  name: 'prohibition-check',
  title: '禁止性规定',
  kinds: ['prohibition'],
  input: z.strictObject({
    act: z.string(),
    /** Posts that have approved the act. */
    approvedBy: z.array(z.string()).default([]),
  }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'prohibition').filter(
      (r) => r.params.act.code === input.act,
    )
    if (rules.length === 0) throw noRule(context, `"${input.act}"的禁止性规定`)
    // Every rule on the act must be satisfied: an outright ban cannot be approved away.
    const blocking = rules.filter(
      (rule) =>
        rule.params.unlessApprovedBy.length === 0 ||
        !rule.params.unlessApprovedBy.some((post) => input.approvedBy.includes(post)),
    )
    const allowed = blocking.length === 0
    const label = rules[0]?.params.act.label ?? input.act
    const approvalPossible = blocking.every((rule) => rule.params.unlessApprovedBy.length > 0)
    // Each blocking rule still needs one of its approvers; several rules need all of them.
    const missing = blocking.map((rule) => rule.params.unlessApprovedBy)
    return {
      outcome: {
        allowed,
        approvalPossible,
        approvers: [...new Set(rules.flatMap((rule) => rule.params.unlessApprovedBy))],
        missingApprovals: missing,
      },
      summary: allowed
        ? `${label}：已经${postTitles(context.rulebook, input.approvedBy)}批准，可以进行`
        : approvalPossible
          ? `${label}：未经${missing.map((posts) => eitherPost(context.rulebook, posts)).join('和')}批准，不得进行`
          : `${label}：规定禁止`,
      citations: cite(...(allowed ? rules : blocking)),
      warnings: [],
    }
  },
})
