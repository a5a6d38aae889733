import type { DecisionContext } from '../decisions/decision.ts'
import { runDecision } from '../decisions/run-decision.ts'
import type { Citation } from '../rulebook/citation.ts'
import type { ConformanceCase } from './case-schema.ts'
import { partialMismatches } from './partial-match.ts'

export interface CaseResult {
  name: string
  decision: string
  passed: boolean
  failures: string[]
  citations: Citation[]
  summary?: string
}

/** Runs one case against the context for its jurisdiction and date, and lists every mismatch. */
export function runCase(kase: ConformanceCase, context: DecisionContext): CaseResult {
  const outcome = runDecision(context, kase.decision, kase.input)
  const failures: string[] = []
  const base = { name: kase.name, decision: kase.decision }
  if (!outcome.ok) {
    if (kase.expect.error !== outcome.error.code) {
      failures.push(`判定失败（${outcome.error.code}）：${outcome.error.message}`)
    }
    return { ...base, passed: failures.length === 0, failures, citations: [] }
  }
  const { result } = outcome
  if (kase.expect.error)
    failures.push(`应返回错误 ${kase.expect.error}，实际得出：${result.summary}`)
  if (kase.expect.outcome !== undefined)
    failures.push(...partialMismatches(kase.expect.outcome, result.outcome))
  for (const article of kase.expect.cites) {
    if (!result.citations.some((c) => c.article === article)) {
      failures.push(
        `未引用 ${article}（实际引用：${result.citations.map((c) => c.article).join('、') || '无'}）`,
      )
    }
  }
  for (const ruleId of kase.expect.rules) {
    if (!result.citations.some((c) => c.ruleId === ruleId)) failures.push(`未引用规则 ${ruleId}`)
  }
  const warnings = result.warnings.map((w) => w.code)
  if (warnings.join() !== kase.expect.warnings.join()) {
    failures.push(`警告应为 [${kase.expect.warnings.join(', ')}]，实为 [${warnings.join(', ')}]`)
  }
  if (result.citations.length === 0) failures.push('判定结果没有引用任何条文')
  return {
    ...base,
    passed: failures.length === 0,
    failures,
    citations: result.citations,
    summary: result.summary,
  }
}
