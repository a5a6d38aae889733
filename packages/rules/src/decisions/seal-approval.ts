import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { localDateInput, refuseUnknownKeys } from './inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { chainText, postTitles } from './post-titles.ts'

/** The approval chain for using a seal, and reasons the keeper must refuse to stamp. */
export const sealApproval = defineDecision({
  name: 'seal-approval',
  title: '用印审批',
  kinds: ['sealUse'],
  input: z.strictObject({
    seal: z.string(),
    findings: z.record(z.string(), z.boolean()).default({}),
    asOf: localDateInput.optional(),
  }),
  decide(context, input) {
    // Several articles may speak to one seal (who approves, when to refuse): all of them apply.
    const rules = rulesOfKind(context.rulebook, 'sealUse', input.asOf).filter((r) =>
      r.params.seals.some((s) => s.code === input.seal),
    )
    const first = rules[0]
    if (!first) throw noRule(context, `"${input.seal}"印章的用印审批`)
    // A finding no rule on this seal refuses for (signedOnBehalf) is refused, never read as "none".
    refuseUnknownKeys(
      'findings',
      input.findings,
      new Set(rules.flatMap((rule) => rule.params.refuseWhen.map((c) => c.code))),
      `${first.params.seals.find((s) => s.code === input.seal)?.label ?? input.seal}的用印审批`,
    )
    const seal = first.params.seals.find((s) => s.code === input.seal)
    const refusals = rules.flatMap((rule) =>
      rule.params.refuseWhen
        .filter((c) => input.findings[c.code] === true)
        .map((c) => ({ ...c, ruleId: rule.id })),
    )
    const { approvalChain, keeper } = first.params
    const refusing = rules.filter((rule) => refusals.some((r) => r.ruleId === rule.id))
    return {
      outcome: { approvalChain, keeper: keeper ?? [], allowed: refusals.length === 0, refusals },
      summary:
        refusals.length > 0
          ? `不得用印：${refusals.map((r) => r.label).join('；')}`
          : `${seal?.label ?? input.seal}用印须经 ${chainText(context.rulebook, approvalChain)} 审批` +
            (keeper?.length ? `，由${postTitles(context.rulebook, keeper)}盖印` : ''),
      citations: cite(...(refusing.length ? refusing : rules)),
      warnings: [],
    }
  },
})
