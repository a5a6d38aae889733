import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { Output } from '../output.ts'

export function rulesList(library: RulebookLibrary, output: Output): number {
  // Chinese characters take two columns: pad them with ideographic spaces to line up.
  output.out(
    `${'辖区'.padEnd(12)}${'名称'.padEnd(16, '\u3000')}${'版本'.padEnd(10)}${'施行日期'.padEnd(9)}规则数`,
  )
  for (const [code, versions] of library.jurisdictions) {
    for (const { book } of versions) {
      output.out(
        `${code.padEnd(14)}${(book.jurisdiction?.name ?? book.title).padEnd(16, '\u3000')}${book.version.padEnd(12)}${book.effectiveFrom}   ${book.rules.length}`,
      )
    }
  }
  if (library.national)
    output.out(`（另有全国通用规则 ${library.national.book.rules.length} 条，各辖区继承）`)
  return 0
}
