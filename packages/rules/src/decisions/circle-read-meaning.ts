import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'

const MEANS = { read: '已阅知', agree: '同意' } as const

/** What a leader's 圈阅 means on this kind of document: read (报告) or agree (请示). */
export const circleReadMeaning = defineDecision({
  name: 'circle-read-meaning',
  title: '圈阅的含义',
  kinds: ['circleRead'],
  input: z.strictObject({ documentKind: z.string() }),
  decide(context, input) {
    for (const rule of rulesOfKind(context.rulebook, 'circleRead')) {
      const meaning = rule.params.meanings.find((m) => m.documentKinds.includes(input.documentKind))
      if (meaning) {
        return {
          outcome: { means: meaning.means },
          summary: `在${input.documentKind}上圈阅，表示"${MEANS[meaning.means]}"`,
          citations: cite(rule),
          warnings: [],
        }
      }
    }
    throw noRule(context, `${input.documentKind}上圈阅的含义`)
  },
})
