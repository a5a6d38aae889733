import type { z } from 'zod'
import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import type { CalendarWarning } from '../periods/warnings.ts'
import type { Citation } from '../rulebook/citation.ts'
import {
  citationOf,
  type ResolvedRule,
  type ResolvedRulebook,
} from '../rulebook/resolve-rulebook.ts'

export interface DecisionContext {
  rulebook: ResolvedRulebook
  calendar: WorkingCalendar
}

export interface DecisionResult<O = unknown> {
  decision: string
  jurisdiction: string
  rulebookVersion: string
  outcome: O
  /** One or two Chinese sentences a clerk can read aloud. */
  summary: string
  citations: Citation[]
  warnings: CalendarWarning[]
}

/** A question the rulebook cannot answer for this input; carries a machine code and Chinese text. */
export class DecisionError extends Error {
  readonly code: 'RULE_NOT_FOUND' | 'INVALID_INPUT'
  /** For INVALID_INPUT: each refused field, by its path (findings.signedOnBehalf). */
  readonly issues: { path: string; message: string }[] | undefined
  constructor(
    code: DecisionError['code'],
    message: string,
    issues?: { path: string; message: string }[],
  ) {
    super(message)
    this.name = 'DecisionError'
    this.code = code
    this.issues = issues
  }
}

/** The codes a rulebook defines for each code-listing field of a question, and what they are. */
export type InputCodes = Record<string, { known: ReadonlySet<string>; what: string }>

export interface DecisionDefinition<I extends z.ZodType = z.ZodType, O = unknown> {
  name: string
  title: string
  /** The rule kinds this decision reads, for coverage and docs. */
  kinds: readonly ResolvedRule['kind'][]
  /**
   * Of the rules of its kinds, the ones this decision reads, when it reads only some by codes it
   * holds itself (incident-late-report reads the 迟报 prohibitions, not every prohibition): what
   * coverage counts as asked when a workflow asks it. Absent: every rule of its kinds.
   */
  reads?(rule: ResolvedRule): boolean
  input: I
  /**
   * For each input field that lists codes (characteristics, completed, circumstances, categories,
   * posts): the codes the rulebook in force defines for this question, given the rest of the
   * input. A code outside them is refused by name (INVALID_INPUT, its path and the code): a
   * misspelt exclusion must never let an item through. Undefined when the rulebook does not
   * answer the question at all (the decision then says RULE_NOT_FOUND).
   */
  codes?(rulebook: ResolvedRulebook, input: z.output<I>): InputCodes | undefined
  decide(
    context: DecisionContext,
    input: z.output<I>,
  ): Omit<DecisionResult<O>, 'decision' | 'jurisdiction' | 'rulebookVersion'>
}

export function defineDecision<I extends z.ZodType, O>(
  definition: DecisionDefinition<I, O>,
): DecisionDefinition<I, O> {
  return definition
}

/** Citations of several rules, without repeats, in the order given. */
export function cite(...rules: (ResolvedRule | undefined)[]): Citation[] {
  const seen = new Set<string>()
  const citations: Citation[] = []
  for (const rule of rules) {
    if (rule && !seen.has(rule.id)) {
      seen.add(rule.id)
      citations.push(citationOf(rule))
    }
  }
  return citations
}

export function noRule(context: DecisionContext, what: string): DecisionError {
  const name = context.rulebook.jurisdiction?.name ?? context.rulebook.title
  return new DecisionError(
    'RULE_NOT_FOUND',
    `${name}工作规则（${context.rulebook.version}）未规定${what}`,
  )
}
