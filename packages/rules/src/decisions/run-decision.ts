import { describeIssue } from '../errors/describe-issue.ts'
import { formatPath } from '../rulebook/yaml-source.ts'
import { type DecisionContext, DecisionError, type DecisionResult } from './decision.ts'
import type { ResolvedRulebook } from '../rulebook/resolve-rulebook.ts'
import { refuseUnknownCodes } from './inputs.ts'
import { DECISIONS, findDecision } from './registry.ts'

export interface DecisionFailure {
  code: 'UNKNOWN_DECISION' | 'INVALID_INPUT' | 'RULE_NOT_FOUND'
  message: string
  issues?: { path: string; message: string }[]
}

export type DecisionOutcome =
  { ok: true; result: DecisionResult } | { ok: false; error: DecisionFailure }

/**
 * Validates the input against the decision's schema and runs it. Never throws for bad input or
 * an unanswerable question: both come back as a failure with a machine code and Chinese text.
 */
export function runDecision(
  context: DecisionContext,
  name: string,
  input: unknown,
): DecisionOutcome {
  const decision = findDecision(name)
  if (!decision) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_DECISION',
        message: `未知的判定：${name}（可用：${DECISIONS.map((d) => d.name).join('、')}）`,
      },
    }
  }
  const parsed = decision.input.safeParse(input)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: describeIssue(issue),
    }))
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `输入有误：${issues.map((i) => `${i.path || '（根）'} ${i.message}`).join('；')}`,
        issues,
      },
    }
  }
  try {
    const codes = decision.codes?.(context.rulebook, parsed.data)
    if (codes) refuseUnknownCodes(parsed.data as Record<string, unknown>, codes)
    const result = decision.decide(context, parsed.data)
    return {
      ok: true,
      result: {
        decision: decision.name,
        jurisdiction: context.rulebook.id,
        rulebookVersion: context.rulebook.version,
        ...result,
      },
    }
  } catch (error) {
    if (error instanceof DecisionError)
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      }
    if (error instanceof RangeError)
      return { ok: false, error: { code: 'INVALID_INPUT', message: error.message } }
    throw error
  }
}

/**
 * The codes the rulebook defines for each code-listing field of a question (agenda-admission's
 * characteristics, incoming-screening's categories…), given the rest of its input: what a
 * workflow may state. Undefined when the input is not a valid question or the rulebook does not
 * answer it.
 */
export function knownInputCodes(
  rulebook: ResolvedRulebook,
  name: string,
  input: unknown,
): Record<string, string[]> | undefined {
  const decision = findDecision(name)
  const parsed = decision?.input.safeParse(input)
  if (!decision?.codes || !parsed?.success) return undefined
  const codes = decision.codes(rulebook, parsed.data)
  if (!codes) return undefined
  return Object.fromEntries(Object.entries(codes).map(([field, { known }]) => [field, [...known]]))
}
