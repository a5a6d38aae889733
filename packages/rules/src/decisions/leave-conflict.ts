import { z } from 'zod'
import { addDays } from '../dates/local-date.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { postTitles } from './post-titles.ts'

/** Days on which more of a set of posts would be away than the rules allow (首长与常务不得同时外出). */
export const leaveConflict = defineDecision({
  name: 'leave-conflict',
  title: '领导同时外出冲突',
  kinds: ['absenceConflict'],
  input: z.strictObject({
    absences: z
      .array(z.strictObject({ post: z.string(), from: localDateInput, to: localDateInput }))
      .min(1),
  }),
  codes(rulebook) {
    if (rulesOfKind(rulebook, 'absenceConflict').length === 0) return undefined
    // Any post of the rulebook may be away (one the rules do not name conflicts with nothing).
    return { 'absences[].post': { known: new Set(rulebook.posts.keys()), what: '规则库的岗位' } }
  },
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'absenceConflict')
    if (rules.length === 0) throw noRule(context, '领导不得同时外出的情形')
    const conflicts: { ruleId: string; posts: string[]; from: string; to: string }[] = []
    for (const rule of rules) {
      const relevant = input.absences.filter((a) => rule.params.posts.includes(a.post))
      const days = [...new Set(relevant.flatMap((a) => [a.from, a.to]))].sort()
      if (days.length === 0) continue
      // Walk day by day across the span of the relevant absences; spans are short (days to weeks).
      let open: { posts: string[]; from: string; to: string } | undefined
      for (
        let day = days[0] as string;
        day <= (days[days.length - 1] as string);
        day = addDays(day, 1)
      ) {
        const awayPosts = [
          ...new Set(relevant.filter((a) => a.from <= day && day <= a.to).map((a) => a.post)),
        ].sort()
        if (awayPosts.length > rule.params.atMostAway) {
          if (open && open.posts.join() === awayPosts.join()) open.to = day
          else {
            if (open) conflicts.push({ ruleId: rule.id, ...open })
            open = { posts: awayPosts, from: day, to: day }
          }
        } else if (open) {
          conflicts.push({ ruleId: rule.id, ...open })
          open = undefined
        }
      }
      if (open) conflicts.push({ ruleId: rule.id, ...open })
    }
    const triggered = rules.filter((rule) => conflicts.some((c) => c.ruleId === rule.id))
    // 一般不同时外出: a conflict departs from the rule's default rather than breaking a ban.
    const inPrinciple = triggered.length > 0 && triggered.every((rule) => rule.params.inPrinciple)
    return {
      outcome: { conflict: conflicts.length > 0, inPrinciple, conflicts },
      summary: conflicts.length
        ? `${conflicts
            .map((c) => `${c.from}至${c.to}：${postTitles(context.rulebook, c.posts)}同时外出`)
            .join(
              '；',
            )}，${inPrinciple ? '与“一般不同时外出”的规定不符，须有特殊情况' : '不符合规定'}`
        : '未发现不得同时外出的冲突',
      citations: cite(...(triggered.length ? triggered : rules)),
      warnings: [],
    }
  },
})
