import {
  type CaseResult,
  type CoverageReport,
  coverageReport,
  runCase,
  type WorkflowQuestion,
} from '@zhengling/rules'
import { contextFor } from './context.ts'
import type { CaseFile, RulebookLibrary } from './load-library.ts'

export interface FileResult {
  file: string
  jurisdiction: string
  results: (CaseResult & { line: number })[]
}

/** Runs every case in the given files; a case naming an unknown jurisdiction or date fails with the reason. */
export function runConformance(
  library: RulebookLibrary,
  files: readonly CaseFile[] = library.caseFiles,
): FileResult[] {
  return files.map((caseFile) => ({
    file: caseFile.file,
    jurisdiction: caseFile.data.jurisdiction,
    results: caseFile.data.cases.map((kase, index) => {
      const line = caseFile.source.locate(['cases', index]).line
      const context = contextFor(library, caseFile.data.jurisdiction, kase.asOf)
      if (!context.ok) {
        // A case may expect exactly this refusal (a date before any encoded version).
        const expected = kase.expect.error === context.code
        return {
          name: kase.name,
          decision: kase.decision,
          passed: expected,
          failures: expected ? [] : [context.message],
          citations: [],
          line,
        }
      }
      return { ...runCase(kase, context.context), line }
    }),
  }))
}

/** Coverage of each seed, counting a rule as tested when a passing case cited it. */
function testedRuleIds(results: readonly FileResult[]): Set<string> {
  return new Set(
    results.flatMap((file) =>
      file.results.filter((r) => r.passed).flatMap((r) => r.citations.map((c) => c.ruleId)),
    ),
  )
}

/** Rules of any rulebook (national and every version) that no passing case cites. */
export function untestedRules(
  library: RulebookLibrary,
  results: readonly FileResult[],
): { rulebook: string; ruleId: string }[] {
  const tested = testedRuleIds(results)
  const books = [
    ...(library.national ? [library.national] : []),
    ...[...library.jurisdictions.values()].flat(),
  ]
  return books.flatMap(({ book }) =>
    book.rules
      .filter((rule) => !tested.has(rule.id))
      .map((rule) => ({ rulebook: `${book.rulebook}@${book.version}`, ruleId: rule.id })),
  )
}

/**
 * Coverage of each seed. `workflowQuestions` are the questions running workflows ask (the
 * application declares them): an operational article one of them reaches counts as enforced.
 */
export function coverageOf(
  library: RulebookLibrary,
  results: readonly FileResult[] = runConformance(library),
  workflowQuestions: readonly WorkflowQuestion[] = [],
): CoverageReport[] {
  const tested = testedRuleIds(results)
  const reports: CoverageReport[] = []
  for (const [code, { data }] of library.coverage) {
    const context = contextFor(library, code)
    if (context.ok)
      reports.push(coverageReport(data, context.context.rulebook, tested, workflowQuestions))
  }
  return reports
}
