import { isNode, LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { describeIssue } from '../errors/describe-issue.ts'
import { RULE_KINDS } from './rule-kinds.ts'

/** A problem in a data file, pointing at the line a person must fix. */
export interface SourceError {
  file: string
  line: number
  column: number
  /** Dotted path of the offending field, e.g. rules[3].params.signer */
  path: string
  message: string
}

export interface YamlSource {
  file: string
  value: unknown
  /** Line and column of the node at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): { line: number; column: number }
  syntaxErrors: SourceError[]
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('')
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const syntaxErrors = document.errors.map((error): SourceError => {
    const position = lineCounter.linePos(error.pos[0])
    return {
      file,
      line: position.line,
      column: position.col,
      path: '',
      message: `YAML 语法错误：${error.message.split('\n')[0]}`,
    }
  })

  function locate(path: readonly PropertyKey[]) {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = document.getIn(path.slice(0, length) as unknown[], true)
      if (isNode(node) && node.range) {
        const position = lineCounter.linePos(node.range[0])
        return { line: position.line, column: position.col }
      }
    }
    return { line: 1, column: 1 }
  }

  return { file, value: syntaxErrors.length ? undefined : document.toJS(), locate, syntaxErrors }
}

/** Zod issues as source errors, with Chinese messages for the common cases. */
export function issuesToErrors(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
): SourceError[] {
  return issues.map((issue) => {
    const path = issue.path
    // Point at the misspelt key itself, not at the object holding it.
    const at = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path
    const { line, column } = source.locate(at)
    return {
      file: source.file,
      line,
      column,
      path: formatPath(path),
      message: describeIssue(issue, RULE_KINDS.join('、')),
    }
  })
}
