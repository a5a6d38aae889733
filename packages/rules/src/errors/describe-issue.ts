import type { z } from 'zod'

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '列表',
  date: '日期',
  undefined: '空',
  null: '空值',
}

function received(issue: { message: string }): string | undefined {
  return /received (\w+)/.exec(issue.message)?.[1]
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && received(issue) === 'undefined'
}

/**
 * One zod issue in Chinese, for people fixing a rulebook or an input: what is missing, misspelt or
 * of the wrong type. Shared by the YAML loader and decision input validation.
 */
export function describeIssue(issue: z.core.$ZodIssue, unknownKindHint?: string): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}（可能拼写错误）`
    case 'invalid_type': {
      if (isMissing(issue)) return '缺少必填字段'
      const actual = received(issue)
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected
      return `类型错误：应为${expected}${actual ? `，实为${TYPE_NAMES[actual] ?? actual}` : ''}`
    }
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        return `未知的规则类型（kind）${unknownKindHint ? `，可用：${unknownKindHint}` : ''}`
      }
      if (issue.errors.length > 0 && issue.errors.every((branch) => branch.some(isMissing))) {
        return '缺少必填字段'
      }
      // A union of forms (a period as "3 workingDays" or {amount, unit}): show the custom reason.
      for (const branch of issue.errors) {
        const custom = branch.find((inner) => inner.code === 'custom')
        if (custom) return custom.message
      }
      return '取值格式无效'
    }
    case 'invalid_value':
      return `取值无效，应为：${issue.values.map(String).join(' / ')}`
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'set'
        ? `至少应有 ${String(issue.minimum)} 项`
        : issue.origin === 'string'
          ? '不能为空'
          : `不能小于 ${String(issue.minimum)}`
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`
    case 'invalid_format':
      return `格式无效（${issue.format}）`
    default:
      return issue.message
  }
}
