import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { postTitles } from './post-titles.ts'

const ROLE_LABEL = {
  leads: '负责',
  approves: '审批',
  signs: '签发',
  presides: '主持',
  reviews: '审核',
  handles: '承办',
  attends: '出席',
  convenes: '召集',
  decides: '决定',
} as const

/** Who leads, approves, signs, presides over or handles a matter. */
export const responsiblePosts = defineDecision({
  name: 'responsible-posts',
  title: '事项责任主体',
  kinds: ['responsibility'],
  input: z.strictObject({
    matter: z.string(),
    role: z.enum(Object.keys(ROLE_LABEL) as [keyof typeof ROLE_LABEL]).optional(),
  }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'responsibility').filter(
      (r) => r.params.matter.code === input.matter && (!input.role || r.params.role === input.role),
    )
    if (rules.length === 0) throw noRule(context, `"${input.matter}"的责任主体`)
    const assignments = rules.map((r) => ({
      role: r.params.role,
      posts: r.params.posts,
      ruleId: r.id,
    }))
    return {
      outcome: { assignments, posts: [...new Set(assignments.flatMap((a) => a.posts))] },
      summary: rules
        .map(
          (r) =>
            `${r.params.matter.label}：由${postTitles(context.rulebook, r.params.posts)}${ROLE_LABEL[r.params.role]}`,
        )
        .join('；'),
      citations: cite(...rules),
      warnings: [],
    }
  },
})
