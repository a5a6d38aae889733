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
    /** Circumstance codes that hold (e.g. foreignAffairs). */
    circumstances: z.array(z.string()).default([]),
  }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'prohibition').filter(
      (r) => r.params.act.code === input.act,
    )
    if (rules.length === 0) throw noRule(context, `"${input.act}"的禁止性规定`)
    const lifted = (rule: (typeof rules)[number]) =>
      rule.params.unlessApprovedBy.some((post) => input.approvedBy.includes(post)) ||
      rule.params.unlessWhen.some((c) => input.circumstances.includes(c.code))
    // Every rule on the act must be satisfied: an outright ban cannot be lifted at all.
    const blocking = rules.filter((rule) => !lifted(rule))
    const allowed = blocking.length === 0
    const label = rules[0]?.params.act.label ?? input.act
    const liftable = (rule: (typeof rules)[number]) =>
      rule.params.unlessApprovedBy.length > 0 || rule.params.unlessWhen.length > 0
    const approvalPossible = blocking.every(liftable)
    // Each blocking rule still needs one of its approvers; several rules need all of them.
    const missing = blocking.map((rule) => rule.params.unlessApprovedBy)
    const exceptions = [
      ...new Set(blocking.flatMap((rule) => rule.params.unlessWhen.map((c) => c.label))),
    ]
    const needs = [
      ...missing
        .filter((posts) => posts.length)
        .map((posts) => `经${eitherPost(context.rulebook, posts)}批准`),
      ...(exceptions.length ? [`具备${exceptions.join('、')}情形`] : []),
    ]
    return {
      outcome: {
        allowed,
        approvalPossible,
        approvers: [...new Set(rules.flatMap((rule) => rule.params.unlessApprovedBy))],
        missingApprovals: missing,
        exceptions: [
          ...new Set(rules.flatMap((rule) => rule.params.unlessWhen.map((c) => c.code))),
        ],
      },
      summary: allowed
        ? `${label}：${input.approvedBy.length ? `已经${postTitles(context.rulebook, input.approvedBy)}批准` : '具备规定的例外情形'}，可以进行`
        : approvalPossible
          ? `${label}：须${needs.join('或')}，否则不得进行`
          : `${label}：规定禁止`,
      citations: cite(...(allowed ? rules : blocking)),
      warnings: [],
    }
  },
})
