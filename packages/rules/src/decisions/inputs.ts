import { z } from 'zod'
import { isInstant, normalizeInstant } from '../dates/instant.ts'
import { isLocalDate } from '../dates/local-date.ts'
import { formatPath } from '../rulebook/yaml-source.ts'
import { DecisionError, type InputCodes } from './decision.ts'

/**
 * Shared input fields. Dates are civil dates in Asia/Shanghai; a date-time written without an
 * offset ("2026-12-07T09:00") is Shanghai time too, and every instant is rewritten in +08:00 so
 * its date part is the Shanghai date.
 */
export const localDateInput = z
  .string()
  .refine(isLocalDate, { message: '日期格式应为 YYYY-MM-DD，且为真实存在的日期' })
export const instantInput = z
  .string()
  .refine(isInstant, {
    message: '时刻应为 ISO 8601 格式，如 2026-03-02T09:30（按北京时间）或 2026-03-02T09:30+08:00',
  })
  .transform(normalizeInstant)
/** A date (YYYY-MM-DD), or a date-time for periods counted in hours and minutes. */
export const dateOrInstantInput = z
  .string()
  .refine((value) => isLocalDate(value) || isInstant(value), {
    message: '应为日期 YYYY-MM-DD，或时刻如 2026-03-02T09:30（按北京时间）',
  })
  .transform((value) => (isLocalDate(value) ? value : normalizeInstant(value)))
export const codeInput = z.string().min(1)
export const direction = z.enum(['upward', 'downward', 'lateral'])
export const scope = z.enum(['portfolio', 'crossPortfolio', 'wholeGovernment'])

/**
 * Refuses, by name, the keys of a record of facts (findings) that the rules asked do not know:
 * a misspelt or inapplicable finding must never pass as "nothing found".
 */
export function refuseUnknownKeys(
  field: string,
  record: Readonly<Record<string, unknown>>,
  known: ReadonlySet<string>,
  what: string,
): void {
  const unknown = Object.keys(record).filter((key) => !known.has(key))
  if (unknown.length === 0) return
  const listed = known.size ? `（可用：${[...known].join('、')}）` : '（没有可用的情形）'
  const issues = unknown.map((key) => ({
    path: `${field}.${key}`,
    message: `未知字段：${key}，${what}没有此情形${listed}`,
  }))
  throw new DecisionError(
    'INVALID_INPUT',
    `输入有误：${issues.map((issue) => `${issue.path} ${issue.message}`).join('；')}`,
    issues,
  )
}

/**
 * Refuses, by path and code, every code in a code field — a single code (category), a list
 * (characteristics, completed, circumstances…) or one key of each entry of a list of records
 * (`absences[].post`) — that the rulebook in force does not define for the question: a misspelt code
 * must never pass as "not the case" or "not done".
 */
export function refuseUnknownCodes(
  input: Readonly<Record<string, unknown>>,
  codes: InputCodes,
): void {
  const issues: { path: string; message: string }[] = []
  for (const [field, { known, what }] of Object.entries(codes)) {
    const check = (code: unknown, path: (string | number)[]) => {
      if (typeof code !== 'string' || known.has(code)) return
      const listed = known.size ? `（可用：${[...known].join('、')}）` : '（没有可用的代码）'
      issues.push({
        path: formatPath(path),
        message: `未知代码：${code}，${what}没有此代码${listed}`,
      })
    }
    // "absences[].post": the code at one key of each entry of a list of records.
    const [list, key] = field.split('[].')
    if (key !== undefined && list !== undefined) {
      const entries = input[list]
      if (Array.isArray(entries))
        entries.forEach((entry: unknown, index) => {
          if (typeof entry === 'object' && entry !== null)
            check((entry as Record<string, unknown>)[key], [list, index, key])
        })
      continue
    }
    const given = input[field]
    // A single code (category) or a list of codes (characteristics, completed…).
    if (typeof given === 'string') check(given, [field])
    else if (Array.isArray(given)) given.forEach((code, index) => check(code, [field, index]))
  }
  if (issues.length === 0) return
  throw new DecisionError(
    'INVALID_INPUT',
    `输入有误：${issues.map((issue) => `${issue.path} ${issue.message}`).join('；')}`,
    issues,
  )
}

/** The categories the rules' conditions name (when.categories): what a question may be told. */
export function categoriesNamed(
  rules: readonly { when?: { categories?: readonly string[] } }[],
): Set<string> {
  return new Set(rules.flatMap((rule) => rule.when?.categories ?? []))
}
