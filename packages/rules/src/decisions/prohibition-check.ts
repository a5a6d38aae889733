import { z } from 'zod'
import { describeDates, matchScore } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { requireFacts, quantitiesInput } from './condition-inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { eitherPost, postTitles } from './post-titles.ts'

/**
 * Whether an act the rules forbid is allowed here: only with the approval they name, if any.
 * A rule bound to dates (每月第一周为无会周) or to a threshold (需半数以上…参加的) applies only
 * when the rules core finds it holds for the date and quantities given.
 */
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
    /** The day of the act, for rules bound to dates. */
    on: localDateInput.optional(),
    /** Measured quantities for rules with thresholds: a number or a share { count, total }. */
    quantities: quantitiesInput.optional(),
  }),
  codes(rulebook, input) {
    const onAct = rulesOfKind(rulebook, 'prohibition').filter(
      (r) => r.params.act.code === input.act,
    )
    if (onAct.length === 0) return undefined
    return {
      // Any post of the rulebook may have approved (one the rules do not name lifts nothing).
      approvedBy: { known: new Set(rulebook.posts.keys()), what: '规则库的岗位' },
      circumstances: {
        known: new Set(onAct.flatMap((rule) => rule.params.unlessWhen.map((c) => c.code))),
        what: `"${onAct[0]?.params.act.label ?? input.act}"的禁止性规定`,
      },
    }
  },
  decide(context, input) {
    const onAct = rulesOfKind(context.rulebook, 'prohibition').filter(
      (r) => r.params.act.code === input.act,
    )
    if (onAct.length === 0) throw noRule(context, `"${input.act}"的禁止性规定`)
    const facts = { date: input.on, quantities: input.quantities }
    requireFacts(onAct, facts, onAct[0]?.params.act.label ?? input.act)
    const rules = onAct.filter((rule) => matchScore(rule.when, facts) >= 0)
    const label = onAct[0]?.params.act.label ?? input.act
    if (rules.length === 0) {
      const conditions = onAct.map((rule) =>
        [
          rule.when?.dates ? describeDates(rule.when.dates) : '',
          ...(rule.when?.thresholds ?? []).map((t) => t.label),
        ]
          .filter(Boolean)
          .join('且'),
      )
      return {
        outcome: {
          allowed: true,
          applies: false,
          inPrinciple: false,
          approvalPossible: true,
          approvers: [],
          missingApprovals: [],
          exceptions: [],
        },
        summary: `${label}：不在规定情形（${conditions.join('；')}）之内，不受此限`,
        citations: cite(...onAct),
        warnings: [],
      }
    }
    const lifted = (rule: (typeof rules)[number]) =>
      rule.params.unlessApprovedBy.some((post) => input.approvedBy.includes(post)) ||
      rule.params.unlessWhen.some((c) => input.circumstances.includes(c.code))
    // Every rule on the act must be satisfied: an outright ban cannot be lifted at all.
    const blocking = rules.filter((rule) => !lifted(rule))
    const allowed = blocking.length === 0
    const liftable = (rule: (typeof rules)[number]) =>
      rule.params.unlessApprovedBy.length > 0 || rule.params.unlessWhen.length > 0
    const approvalPossible = blocking.every(liftable)
    const inPrinciple = rules.every((rule) => rule.params.inPrinciple)
    // Each blocking rule still needs one of its approvers; several rules need all of them.
    const missingApprovals = blocking.map((rule) => rule.params.unlessApprovedBy)
    const exceptions = [
      ...new Set(blocking.flatMap((rule) => rule.params.unlessWhen.map((c) => c.label))),
    ]
    const needs = [
      ...missingApprovals
        .filter((posts) => posts.length)
        .map((posts) => `经${eitherPost(context.rulebook, posts)}批准`),
      ...(exceptions.length ? [`具备${exceptions.join('、')}情形`] : []),
    ]
    // A ban bound to dates says which days it keeps, in the rule's words.
    const dated = blocking.find((rule) => rule.when?.dates)
    const when =
      input.on && dated?.when?.dates
        ? `${input.on}在${describeDates(dated.when.dates)}之内（${dated.title}），`
        : ''
    return {
      outcome: {
        allowed,
        applies: true,
        inPrinciple,
        approvalPossible,
        approvers: [...new Set(rules.flatMap((rule) => rule.params.unlessApprovedBy))],
        missingApprovals,
        exceptions: [
          ...new Set(rules.flatMap((rule) => rule.params.unlessWhen.map((c) => c.code))),
        ],
      },
      summary: allowed
        ? `${label}：${input.approvedBy.length ? `已经${postTitles(context.rulebook, input.approvedBy)}批准` : '具备规定的例外情形'}，可以进行`
        : inPrinciple
          ? `${when}${label}：原则上不得进行${needs.length ? `；${needs.join('或')}的除外` : ''}`
          : approvalPossible
            ? `${when}${label}：须${needs.join('或')}，否则不得进行`
            : `${when}${label}：规定禁止`,
      citations: cite(...(allowed ? rules : blocking)),
      warnings: [],
    }
  },
})
