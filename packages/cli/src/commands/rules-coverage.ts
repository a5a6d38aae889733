import {
  coverageOf,
  type RulebookLibrary,
  runConformance,
  untestedRules,
} from '@zhengling/rulebooks'
import type { Output } from '../output.ts'

/**
 * Per seed: articles classified, operational ones encoded and tested; lists every gap, and every
 * rule (national ones too) that no passing case cites.
 */
export function rulesCoverage(
  library: RulebookLibrary,
  output: Output,
  only?: string,
  json = false,
): number {
  const results = runConformance(library)
  const reports = coverageOf(library, results).filter(
    (report) => !only || report.jurisdiction === only,
  )
  if (json) {
    output.out(JSON.stringify(reports, null, 2))
  } else {
    output.out('辖区          条文数  操作性  宣示性  已编码  有用例')
    for (const { jurisdiction, totals } of reports) {
      output.out(
        `${jurisdiction.padEnd(14)}${String(totals.articles).padStart(6)}${String(totals.operational).padStart(8)}${String(totals.declarative).padStart(8)}${String(totals.encoded).padStart(8)}${String(totals.tested).padStart(8)}`,
      )
    }
    const sum = (key: keyof (typeof reports)[number]['totals']) =>
      reports.reduce((total, r) => total + r.totals[key], 0)
    output.out(
      `${'合计'.padEnd(12)}${String(sum('articles')).padStart(6)}${String(sum('operational')).padStart(8)}${String(sum('declarative')).padStart(8)}${String(sum('encoded')).padStart(8)}${String(sum('tested')).padStart(8)}`,
    )
  }
  let problems = 0
  for (const report of reports) {
    for (const gap of report.gaps) {
      problems += 1
      output.err(
        `✗ ${report.jurisdiction} ${gap.number}：${gap.problem === 'noRule' ? '操作性条文尚无规则' : '规则尚无通过的用例'}`,
      )
    }
    for (const stray of report.strayRules) {
      problems += 1
      output.err(
        `✗ ${report.jurisdiction} ${stray.ruleId}：引用的 ${stray.article} ${stray.problem === 'notInMap' ? '不在条文清单中' : '被归为宣示性条文'}`,
      )
    }
  }
  const missing = [...library.jurisdictions.keys()].filter(
    (code) => !library.coverage.has(code) && (!only || code === only),
  )
  for (const code of missing) {
    problems += 1
    output.err(`✗ ${code}：缺少条文清单 coverage.yaml`)
  }
  const untested = untestedRules(library, results).filter(
    ({ rulebook }) => !only || rulebook.startsWith(`${only}@`),
  )
  for (const { rulebook, ruleId } of untested) {
    problems += 1
    output.err(`✗ ${rulebook} ${ruleId}：规则尚无通过的用例引用`)
  }
  return problems === 0 ? 0 : 1
}
