import { type ResolvedRule, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import type { DecisionContext } from './decision.ts'

/** The rule (民法典 第一千二百五十九条) that says whether 以上/超过 include the number. */
export function numberWordingRule(context: DecisionContext): ResolvedRule | undefined {
  return rulesOfKind(context.rulebook, 'numberWording')[0]
}

export function compare(value: number, limit: number, inclusive: boolean): boolean {
  return inclusive ? value >= limit : value > limit
}
