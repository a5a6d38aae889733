import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  type CalendarData,
  type ConformanceFile,
  type CoverageFile,
  calendarDataSchema,
  conformanceFileSchema,
  coverageFileSchema,
  formatPath,
  type Rulebook,
  resolveRulebook,
  rulebookSchema,
  type SourceError,
  verifyExcerpts,
  withSentenceExcerpts,
  type YamlSource,
} from '@zhengling/rules'
import { parseFile } from './parse-file.ts'

export const DEFAULT_ROOT = join(import.meta.dirname, '..')

export interface LoadedRulebook {
  book: Rulebook
  file: string
  source: YamlSource
}

export interface CaseFile {
  file: string
  data: ConformanceFile
  source: YamlSource
}

export interface RulebookLibrary {
  root: string
  national?: LoadedRulebook
  /** Jurisdiction code → its rulebook versions, oldest first. */
  jurisdictions: Map<string, LoadedRulebook[]>
  calendars: Map<string, CalendarData>
  coverage: Map<string, { file: string; data: CoverageFile }>
  caseFiles: CaseFile[]
  /** Seed file name → text. */
  sources: Map<string, string>
  errors: SourceError[]
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name))
}

/** Reads a rulebook, resolving it against `base`, and lists every error with its line. */
export function checkRulebook(
  text: string,
  file: string,
  options: { base?: Rulebook; sources?: ReadonlyMap<string, string> } = {},
): { loaded?: LoadedRulebook; errors: SourceError[] } {
  const parsed = parseFile(text, file, rulebookSchema)
  if (!parsed.value) return { errors: parsed.errors }
  const book = parsed.value as Rulebook
  const located = (problems: { path: PropertyKey[]; message: string }[]): SourceError[] =>
    problems.map((problem) => ({
      file,
      ...parsed.source.locate(problem.path),
      path: formatPath(problem.path),
      message: problem.message,
    }))
  const errors: SourceError[] = []
  if (book.extends && !options.base) {
    errors.push({
      file,
      line: 1,
      column: 1,
      path: 'extends',
      message: `找不到基础规则库：${book.extends}`,
    })
  }
  errors.push(...located(resolveRulebook(book, options.base).errors))
  if (options.sources) errors.push(...located(verifyExcerpts(book, options.sources)))
  // Each excerpt is shown to the end of its sentence (or item list), never cut mid-clause.
  const shown = options.sources ? withSentenceExcerpts(book, options.sources) : book
  return { loaded: { book: shown, file, source: parsed.source }, errors }
}

/**
 * Loads everything under a rulebook root: the national rulebook, each jurisdiction's versions,
 * coverage maps and conformance cases, calendar data files and seed texts.
 */
export function loadLibrary(root: string = DEFAULT_ROOT): RulebookLibrary {
  const library: RulebookLibrary = {
    root,
    jurisdictions: new Map(),
    calendars: new Map(),
    coverage: new Map(),
    caseFiles: [],
    sources: new Map(),
    errors: [],
  }
  const show = (file: string) => relative(process.cwd(), file)
  const sourcesDir = join(root, 'sources')
  if (existsSync(sourcesDir)) {
    for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.txt'))) {
      library.sources.set(name, readFileSync(join(sourcesDir, name), 'utf8'))
    }
  }
  for (const file of yamlFiles(join(root, 'calendars'))) {
    const parsed = parseFile(readFileSync(file, 'utf8'), show(file), calendarDataSchema)
    library.errors.push(...parsed.errors)
    if (parsed.value) library.calendars.set(parsed.value.calendar, parsed.value)
  }
  const nationalFile = join(root, 'national', 'rulebook.yaml')
  if (existsSync(nationalFile)) {
    const national = checkRulebook(readFileSync(nationalFile, 'utf8'), show(nationalFile))
    library.errors.push(...national.errors)
    library.national = national.loaded
  }
  for (const file of yamlFiles(join(root, 'national', 'cases'))) {
    library.caseFiles.push(...loadCaseFile(file, library))
  }
  const jurisdictionsDir = join(root, 'jurisdictions')
  for (const code of existsSync(jurisdictionsDir) ? readdirSync(jurisdictionsDir).sort() : []) {
    const dir = join(jurisdictionsDir, code)
    const versions: LoadedRulebook[] = []
    for (const file of yamlFiles(dir).filter((f) => /\/rulebook[^/]*\.ya?ml$/.test(f))) {
      const checked = checkRulebook(readFileSync(file, 'utf8'), show(file), {
        base: library.national?.book,
        sources: library.sources,
      })
      library.errors.push(...checked.errors)
      if (checked.loaded) {
        versions.push(checked.loaded)
        for (const calendar of checked.loaded.book.calendars) {
          if (!library.calendars.has(calendar)) {
            library.errors.push({
              file: show(file),
              line: 1,
              column: 1,
              path: 'calendars',
              message: `找不到日历数据：${calendar}`,
            })
          }
        }
      }
    }
    versions.sort((a, b) => (a.book.effectiveFrom < b.book.effectiveFrom ? -1 : 1))
    if (versions.length) library.jurisdictions.set(code, versions)
    const coverageFile = join(dir, 'coverage.yaml')
    if (existsSync(coverageFile)) {
      const parsed = parseFile(
        readFileSync(coverageFile, 'utf8'),
        show(coverageFile),
        coverageFileSchema,
      )
      library.errors.push(...parsed.errors)
      if (parsed.value) library.coverage.set(code, { file: show(coverageFile), data: parsed.value })
    }
    for (const file of yamlFiles(join(dir, 'cases'))) {
      library.caseFiles.push(...loadCaseFile(file, library))
    }
  }
  return library
}

export function loadCaseFile(file: string, library: RulebookLibrary): CaseFile[] {
  const parsed = parseFile(
    readFileSync(file, 'utf8'),
    relative(process.cwd(), file),
    conformanceFileSchema,
  )
  library.errors.push(...parsed.errors)
  return parsed.value
    ? [{ file: relative(process.cwd(), file), data: parsed.value, source: parsed.source }]
    : []
}
