import { z } from 'zod'
import { localDateInput } from './inputs.ts'
import { cite, DecisionError, defineDecision, noRule } from './decision.ts'
import { meetingName, ruleForMeeting } from './meeting-rules.ts'
import { numberWordingRule } from './wording.ts'

/** Whether enough members are present: 过半数 is strictly more than half, 半数以上 includes half. */
export const meetingQuorum = defineDecision({
  name: 'meeting-quorum',
  title: '会议法定人数',
  kinds: ['quorum', 'numberWording'],
  input: z.strictObject({
    meeting: z.string(),
    members: z.number().int().positive(),
    present: z.number().int().nonnegative(),
    asOf: localDateInput.optional(),
  }),
  decide(context, input) {
    if (input.present > input.members) {
      throw new DecisionError(
        'INVALID_INPUT',
        `到会人数（${input.present}）不能多于组成人员数（${input.members}）`,
      )
    }
    const rule = ruleForMeeting(context, 'quorum', input.meeting, input.asOf)
    const name = meetingName(context, input.meeting)
    if (!rule) throw noRule(context, `${name}的法定人数`)
    const { numerator, denominator, comparison } = rule.params
    // Integer arithmetic: present/members vs numerator/denominator without floating point.
    const lhs = input.present * denominator
    const rhs = input.members * numerator
    const quorate = comparison === 'moreThan' ? lhs > rhs : lhs >= rhs
    const exact = (input.members * numerator) / denominator
    const minimum = comparison === 'moreThan' ? Math.floor(exact) + 1 : Math.ceil(exact)
    const wording = comparison === 'atLeast' ? numberWordingRule(context) : undefined
    const ratio = `${numerator}/${denominator}`
    return {
      outcome: {
        quorate,
        minimum,
        present: input.present,
        members: input.members,
        comparison,
        fraction: ratio,
      },
      summary: `${name}组成人员 ${input.members} 人，须${comparison === 'moreThan' ? `超过${ratio}` : `达到${ratio}（含本数）`}即至少 ${minimum} 人到会；实到 ${input.present} 人，${quorate ? '可以召开' : '不足法定人数，不能召开'}`,
      citations: cite(rule, wording),
      warnings: [],
    }
  },
})
