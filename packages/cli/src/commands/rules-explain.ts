import { readFileSync } from 'node:fs'
import { contextFor, type RulebookLibrary } from '@zhengling/rulebooks'
import { runDecision } from '@zhengling/rules'
import { type Output, UsageError } from '../output.ts'

function readInput(path: string): unknown {
  let text: string
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`无法读取输入文件：${path}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UsageError(`输入文件不是有效的 JSON：${path}（${(error as Error).message}）`)
  }
}

export function rulesExplain(
  library: RulebookLibrary,
  output: Output,
  args: {
    jurisdiction: string
    decision: string
    inputPath: string
    asOf?: string
    json?: boolean
  },
): number {
  const resolved = contextFor(library, args.jurisdiction, args.asOf)
  if (!resolved.ok) throw new UsageError(resolved.message)
  const outcome = runDecision(resolved.context, args.decision, readInput(args.inputPath))
  if (args.json) {
    output.out(JSON.stringify(outcome.ok ? outcome.result : { error: outcome.error }, null, 2))
    return outcome.ok ? 0 : 1
  }
  if (!outcome.ok) {
    output.err(`✗ ${outcome.error.code}：${outcome.error.message}`)
    return 1
  }
  const { result } = outcome
  const { rulebook } = resolved.context
  output.out(
    `${rulebook.jurisdiction?.name ?? rulebook.title} · ${result.decision}（规则 ${rulebook.version} 版）`,
  )
  output.out(`结论：${result.summary}`)
  for (const warning of result.warnings) output.err(`⚠ 警告 ${warning.code}：${warning.message}`)
  output.out('依据：')
  for (const citation of result.citations) {
    output.out(`  · ${citation.source}${citation.article}［${citation.ruleId}］`)
    output.out(`    “${citation.excerpt}”`)
  }
  output.out('结果数据：')
  output.out(JSON.stringify(result.outcome, null, 2))
  return 0
}
