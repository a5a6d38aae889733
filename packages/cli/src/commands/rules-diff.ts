import { contextFor, type RulebookLibrary } from '@zhengling/rulebooks'
import { describeParams } from '../describe-rule.ts'
import { type Output, UsageError } from '../output.ts'

/** Side by side, kind by kind: how jurisdictions answer the same question differently. */
export function rulesDiff(
  library: RulebookLibrary,
  output: Output,
  jurisdictions: string[],
  kind?: string,
): number {
  if (jurisdictions.length < 2)
    throw new UsageError('rules diff 至少需要两个辖区，如：rules diff zhongshan yanjin')
  const books = jurisdictions.map((code) => {
    const resolved = contextFor(library, code)
    if (!resolved.ok) throw new UsageError(resolved.message)
    return resolved.context.rulebook
  })
  const kinds = [...new Set(books.flatMap((book) => book.rules.map((rule) => rule.kind)))].filter(
    (k) => !kind || k === kind,
  )
  const width = Math.max(...jurisdictions.map((code) => code.length)) + 2
  let differences = 0
  for (const ruleKind of kinds) {
    const rows = books.map((book) => {
      const own = book.rules.filter((rule) => rule.kind === ruleKind && rule.origin === book.id)
      const inherited = book.rules.filter(
        (rule) => rule.kind === ruleKind && rule.origin !== book.id,
      )
      return { book, rules: own.length ? own : inherited, inherited: own.length === 0 }
    })
    const signatures = rows.map((row) =>
      row.rules.map((rule) => JSON.stringify(rule.params)).join('|'),
    )
    if (new Set(signatures).size === 1) continue
    differences += 1
    output.out(`■ ${ruleKind}`)
    for (const row of rows) {
      if (row.rules.length === 0) output.out(`  ${row.book.id.padEnd(width)}（未规定）`)
      for (const rule of row.rules) {
        const origin = row.inherited ? '（沿用全国规则）' : ''
        output.out(
          `  ${row.book.id.padEnd(width)}${rule.article.number} ${rule.title}${origin}：${describeParams(rule, row.book)}`,
        )
      }
    }
    output.out()
  }
  if (differences === 0) output.out('所选辖区在所选类型上的规则相同')
  return 0
}
