import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { checkRulebook, parseFile, type RulebookLibrary } from '@zhengling/rulebooks'
import {
  calendarDataSchema,
  conformanceFileSchema,
  coverageFileSchema,
  findDecision,
  parseYamlSource,
} from '@zhengling/rules'
import { formatSourceError, type Output, UsageError } from '../output.ts'

/**
 * Checks one data file, whatever it is (rulebook, conformance cases, coverage map, calendar),
 * and prints each problem as file:line:column with the field and what is wrong.
 */
export function rulesLint(library: RulebookLibrary, output: Output, path: string): number {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`无法读取文件：${path}`)
  }
  const file = relative(process.cwd(), path)
  const probe = parseYamlSource(text, file)
  const top =
    probe.value && typeof probe.value === 'object' ? (probe.value as Record<string, unknown>) : {}
  let errors = probe.syntaxErrors
  let kind = '文件'
  if (!errors.length) {
    if ('rulebook' in top) {
      kind = '规则库'
      const isNational = top.rulebook === 'national'
      errors = checkRulebook(text, file, {
        base: isNational ? undefined : library.national?.book,
        sources: library.sources,
      }).errors
    } else if ('cases' in top) {
      kind = '用例文件'
      const parsed = parseFile(text, file, conformanceFileSchema)
      errors = parsed.errors
      parsed.value?.cases.forEach((kase, index) => {
        const at = parsed.source.locate(['cases', index, 'decision'])
        if (!findDecision(kase.decision))
          errors.push({
            file,
            ...at,
            path: `cases[${index}].decision`,
            message: `未知的判定：${kase.decision}`,
          })
      })
      if (parsed.value && !library.jurisdictions.has(parsed.value.jurisdiction)) {
        errors.push({
          file,
          ...parsed.source.locate(['jurisdiction']),
          path: 'jurisdiction',
          message: `未知辖区：${parsed.value.jurisdiction}`,
        })
      }
    } else if ('articles' in top) {
      kind = '条文清单'
      errors = parseFile(text, file, coverageFileSchema).errors
    } else if ('calendar' in top) {
      kind = '日历数据'
      errors = parseFile(text, file, calendarDataSchema).errors
    } else {
      errors = [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: '无法识别的文件：应含 rulebook、cases、articles 或 calendar 顶层字段',
        },
      ]
    }
  }
  for (const error of errors) output.err(`✗ ${formatSourceError(error)}`)
  output.out(errors.length ? `${kind}有 ${errors.length} 处错误` : `✓ ${kind}检查通过：${file}`)
  return errors.length ? 1 : 0
}
