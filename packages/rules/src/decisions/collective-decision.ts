import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { meetingName } from './meeting-rules.ts'
import { localDateInput } from './inputs.ts'
import { cite, defineDecision } from './decision.ts'
import { compare, numberWordingRule } from './wording.ts'

/** Whether a matter must go to a meeting (常务会议) for collective decision. */
export const collectiveDecision = defineDecision({
  name: 'collective-decision',
  title: '须提交会议集体研究的事项',
  kinds: ['collectiveDecision'],
  input: z.strictObject({
    matter: z.string(),
    amount: z.number().nonnegative().optional(),
    /** A head count the matter involves, e.g. how many deputies must coordinate. */
    count: z.number().int().nonnegative().optional(),
    /** A share the matter reaches, e.g. the overrun as a share of the contract price (0.15). */
    ratio: z.number().nonnegative().optional(),
    asOf: localDateInput.optional(),
  }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'collectiveDecision', input.asOf)
    const hits = rules.flatMap((rule) =>
      rule.params.matters
        .filter(
          (m) =>
            m.code === input.matter &&
            (!m.amountFrom ||
              (input.amount !== undefined &&
                compare(input.amount, m.amountFrom.amount, m.amountFrom.inclusive))) &&
            (!m.countFrom ||
              (input.count !== undefined &&
                compare(input.count, m.countFrom.count, m.countFrom.inclusive))) &&
            // Bounds are joined by 且: a matter with an amount and a ratio needs both reached.
            (!m.ratioFrom ||
              (input.ratio !== undefined &&
                compare(input.ratio, m.ratioFrom.ratio, m.ratioFrom.inclusive))),
        )
        .map((matter) => ({ rule, matter })),
    )
    // Each hit names one meeting, or alternatives of which any one suffices.
    const alternatives = hits.map((hit) => [hit.rule.params.meeting].flat())
    const meetings = [...new Set(alternatives.flat())]
    const names = [
      ...new Set(alternatives.map((group) => group.map((m) => meetingName(context, m)).join('或'))),
    ]
    const amountRule = hits.some(
      (hit) => hit.matter.amountFrom || hit.matter.countFrom || hit.matter.ratioFrom,
    )
      ? numberWordingRule(context)
      : undefined
    const considered = rules.filter((rule) =>
      rule.params.matters.some((m) => m.code === input.matter),
    )
    return {
      outcome: { required: hits.length > 0, meetings, alternatives },
      summary: hits.length
        ? `须提交${names.join('、')}集体研究决定（${hits.map((hit) => hit.matter.label).join('；')}）`
        : considered.length
          ? '未达到须集体研究的条件'
          : '规则未将此事项列为须集体研究的事项',
      citations: cite(...(hits.length ? hits.map((hit) => hit.rule) : considered), amountRule),
      warnings: [],
    }
  },
})
