import { z } from 'zod'
import { type Facts, missingFacts, type When } from '../rulebook/conditions.ts'
import { DecisionError } from './decision.ts'
import { refuseUnknownKeys } from './inputs.ts'

/** Measured quantities for rules with `when.thresholds`: a number, or a share { count, total }. */
export const quantitiesInput = z.record(
  z.string(),
  z.union([
    z.number().nonnegative(),
    z.strictObject({ count: z.number().int().nonnegative(), total: z.number().int().positive() }),
  ]),
)

/**
 * Refuses, naming them, the facts a rule's date or threshold conditions need and the caller did
 * not give: whether a rule applies is never guessed.
 */
export function requireFacts(rules: readonly { when?: When }[], facts: Facts, what: string): void {
  const missing = [...new Set(rules.flatMap((rule) => missingFacts(rule.when, facts)))]
  if (missing.length)
    throw new DecisionError(
      'INVALID_INPUT',
      `判断"${what}"须提供：${missing.map((m) => (m === 'date' ? 'on（日期）' : m)).join('、')}`,
    )
  // A quantity no rule's threshold measures is refused by name, never silently ignored.
  refuseUnknownKeys(
    'quantities',
    facts.quantities ?? {},
    new Set(rules.flatMap((rule) => (rule.when?.thresholds ?? []).map((t) => t.quantity))),
    `"${what}"的规则`,
  )
}
