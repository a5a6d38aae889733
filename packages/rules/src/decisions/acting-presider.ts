import { z } from 'zod'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { categoriesNamed, localDateInput } from './inputs.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { postTitle } from './post-titles.ts'

/**
 * Who presides when a post-holder is away. Walks the order of precedence; when the next in line
 * is away too, follows that post's own acting rule (the executive deputy's stand-in, say).
 */
export const actingPresider = defineDecision({
  name: 'acting-presider',
  title: '主要负责人外出时主持工作',
  kinds: ['acting'],
  input: z.strictObject({
    /** Whose duties need covering; the head (principal) unless stated. */
    for: z.string().default('principal'),
    away: z.array(z.string()).min(1),
    /**
     * Why the post-holder is away (businessTrip…): a rule with `during` covers only those
     * categories (钟山 第六条 因公出区, 延津 五 离延出差、出访和学习). Unstated: every rule.
     */
    category: z.string().optional(),
    asOf: localDateInput.optional(),
  }),
  codes(rulebook, input) {
    const rules = rulesOfKind(rulebook, 'acting', input.asOf)
    if (!rules.length) return undefined
    // The absence categories are the leave rules' vocabulary (and whatever `during` names).
    const categories = categoriesNamed(rulesOfKind(rulebook, 'leaveApproval', input.asOf))
    for (const rule of rules) for (const code of rule.params.during ?? []) categories.add(code)
    return {
      away: { known: new Set(rulebook.posts.keys()), what: '规则库的岗位' },
      category: { known: categories, what: '外出类别' },
    }
  },
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'acting', input.asOf).filter(
      (rule) =>
        input.category === undefined ||
        !rule.params.during ||
        rule.params.during.includes(input.category),
    )
    const away = new Set(input.away)
    const used: typeof rules = []
    const visited = new Set<string>()
    const resolve = (post: string): string | undefined => {
      if (visited.has(post)) return undefined
      visited.add(post)
      const rule = rules.find((r) => r.params.absent === post)
      if (!rule) return undefined
      used.push(rule)
      for (const candidate of rule.params.order) {
        if (!away.has(candidate)) return candidate
        const deeper = resolve(candidate)
        if (deeper) return deeper
      }
      return undefined
    }
    if (!rules.some((r) => r.params.absent === input.for)) {
      throw noRule(
        context,
        `${postTitle(context.rulebook, input.for)}${input.category ? '此类' : ''}外出时由谁主持工作`,
      )
    }
    const presider = away.has(input.for) ? resolve(input.for) : input.for
    const conflict = presider === undefined
    const decidedBy = used.flatMap((rule) => rule.params.decidedBy ?? [])
    return {
      outcome: { presider: presider ?? null, conflict, decidedBy },
      summary: conflict
        ? `${input.away.map((p) => postTitle(context.rulebook, p)).join('、')}同时外出，规则所列代为主持人选均不在岗，须另行明确主持工作的领导`
        : presider === input.for
          ? `${postTitle(context.rulebook, input.for)}在岗，由其本人主持`
          : `由${postTitle(context.rulebook, presider as string)}主持工作`,
      // When the post-holder is in, the rule that names the stand-ins is still the one that says so.
      citations: cite(
        ...(used.length ? used : rules.filter((rule) => rule.params.absent === input.for)),
      ),
      warnings: [],
    }
  },
})
