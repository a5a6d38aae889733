import { z } from 'zod'

/**
 * Facts that select which rule of a kind applies. A rule's `when` lists the facts it needs;
 * a rule with more matching facts is more specific and wins (see `pickMostSpecific`).
 */
export const whenSchema = z.strictObject({
  issuer: z.array(z.string()).optional(),
  documentKinds: z.array(z.string()).optional(),
  directions: z.array(z.enum(['upward', 'downward', 'lateral'])).optional(),
  prefixes: z.array(z.string()).optional(),
  important: z.boolean().optional(),
  scopes: z.array(z.enum(['portfolio', 'crossPortfolio', 'wholeGovernment'])).optional(),
  meetings: z.array(z.string()).optional(),
  posts: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
})

export type When = z.infer<typeof whenSchema>

export type Facts = {
  issuer?: string
  documentKind?: string
  direction?: 'upward' | 'downward' | 'lateral'
  prefix?: string
  important?: boolean
  scope?: 'portfolio' | 'crossPortfolio' | 'wholeGovernment'
  meeting?: string
  post?: string
  category?: string
}

const FACT_OF: Record<keyof When, keyof Facts> = {
  issuer: 'issuer',
  documentKinds: 'documentKind',
  directions: 'direction',
  prefixes: 'prefix',
  important: 'important',
  scopes: 'scope',
  meetings: 'meeting',
  posts: 'post',
  categories: 'category',
}

/** How many of `when`'s conditions the facts satisfy, or -1 if any condition fails. */
export function matchScore(when: When | undefined, facts: Facts): number {
  if (!when) return 0
  let score = 0
  for (const [key, expected] of Object.entries(when) as [keyof When, unknown][]) {
    if (expected === undefined) continue
    const actual = facts[FACT_OF[key]]
    if (Array.isArray(expected)) {
      if (actual === undefined || !expected.includes(actual as string)) return -1
    } else if (actual !== expected) {
      return -1
    }
    score += 1
  }
  return score
}

/** Among rules whose `when` holds, the one matching the most facts; ties go to the first written. */
export function pickMostSpecific<R extends { when?: When }>(
  rules: readonly R[],
  facts: Facts,
): R | undefined {
  let best: R | undefined
  let bestScore = -1
  for (const rule of rules) {
    const score = matchScore(rule.when, facts)
    if (score > bestScore) {
      best = rule
      bestScore = score
    }
  }
  return best
}
