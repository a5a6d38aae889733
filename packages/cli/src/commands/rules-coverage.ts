import { WORKFLOW_QUESTIONS } from '@zhengling/app'
import {
  coverageOf,
  type RulebookLibrary,
  runConformance,
  untestedRules,
} from '@zhengling/rulebooks'
import type { Output } from '../output.ts'

const COLUMNS = [
  ['articles', '条文数'],
  ['operational', '操作性'],
  ['declarative', '宣示性'],
  ['workflow', '流程执行'],
  ['decisionOnly', '仅决策'],
  ['notForSoftware', '非软件'],
  ['encoded', '已编码'],
  ['tested', '有用例'],
] as const

/** Pads to a display width: a Chinese character takes two columns. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0xff ? 2 : 1), 0)
const padStart = (text: string, to: number) => ' '.repeat(Math.max(0, to - width(text))) + text
const padEnd = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)))

/**
 * Per seed: articles classified; operational ones enforced by a running workflow (a question
 * the application declares reaches one of their rules), answered only as decisions, or no
 * business of software; encoded and tested. Lists every gap, and every rule (national ones too)
 * that no passing case cites.
 */
export function rulesCoverage(
  library: RulebookLibrary,
  output: Output,
  only?: string,
  json = false,
): number {
  const results = runConformance(library)
  const reports = coverageOf(library, results, WORKFLOW_QUESTIONS).filter(
    (report) => !only || report.jurisdiction === only,
  )
  if (json) {
    output.out(JSON.stringify(reports, null, 2))
  } else {
    output.out(padEnd('辖区', 14) + COLUMNS.map(([, title]) => padStart(title, 10)).join(''))
    for (const { jurisdiction, totals } of reports)
      output.out(
        padEnd(jurisdiction, 14) +
          COLUMNS.map(([key]) => padStart(String(totals[key]), 10)).join(''),
      )
    output.out(
      padEnd('合计', 14) +
        COLUMNS.map(([key]) =>
          padStart(String(reports.reduce((total, r) => total + r.totals[key], 0)), 10),
        ).join(''),
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
