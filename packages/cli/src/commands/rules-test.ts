import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  type CaseFile,
  loadCaseFile,
  type RulebookLibrary,
  runConformance,
} from '@zhengling/rulebooks'
import { formatSourceError, type Output, UsageError } from '../output.ts'

function caseFilesAt(library: RulebookLibrary, path: string): CaseFile[] {
  if (!existsSync(path)) throw new UsageError(`找不到用例路径：${path}`)
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
        .sort()
        .map((name) => join(path, name))
    : [path]
  return files.flatMap((file) => loadCaseFile(file, library))
}

/** Runs conformance cases (all of the library's, or those under `path`) and prints a tally. */
export function rulesTest(
  library: RulebookLibrary,
  output: Output,
  path?: string,
  verbose = false,
): number {
  const before = library.errors.length
  const files = path ? caseFilesAt(library, path) : library.caseFiles
  const loadErrors = path ? library.errors.slice(before) : library.errors
  for (const error of loadErrors) output.err(`✗ ${formatSourceError(error)}`)
  let passed = 0
  let failed = 0
  for (const file of runConformance(library, files)) {
    for (const result of file.results) {
      if (result.passed) {
        passed += 1
        if (verbose) output.out(`✓ ${file.file}:${result.line} ${result.name}`)
      } else {
        failed += 1
        output.err(`✗ ${file.file}:${result.line} ${result.name}（${result.decision}）`)
        for (const failure of result.failures) output.err(`    ${failure}`)
      }
    }
  }
  output.out(`conformance: ${passed} passed, ${failed} failed`)
  return failed === 0 && loadErrors.length === 0 && passed > 0 ? 0 : 1
}
