import { z } from 'zod'

/** Fields every contract uses the same way, with the same Chinese messages. */

export const id = z.uuid('编号格式不正确')

/**
 * The dates a request may name: a government's records and deadlines fall well inside these
 * years, and every date below is a real day on the calendar (ADR 0023).
 */
export const DATE_RANGE = { earliest: '1900-01-01', latest: '2100-12-31' } as const

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Why `text` (YYYY-MM-DD) is not a date a request may carry, in Chinese, or null: the shape, a
 * day that exists (no 2026-02-30, no month 13), and DATE_RANGE.
 */
export function civilDateProblem(text: string): string | null {
  const parts = DATE_SHAPE.exec(text)
  if (!parts) return '日期格式应为 YYYY-MM-DD'
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (daysInMonth === undefined) return `日期不存在：没有 ${parts[2]} 月`
  if (day < 1 || day > daysInMonth) return `日期不存在：${year} 年 ${month} 月没有 ${parts[3]} 日`
  if (text < DATE_RANGE.earliest || text > DATE_RANGE.latest)
    return `日期超出范围：应在 ${DATE_RANGE.earliest} 至 ${DATE_RANGE.latest} 之间`
  return null
}

function refineDate(value: string, context: z.RefinementCtx): void {
  const problem = civilDateProblem(value)
  if (problem) context.addIssue({ code: 'custom', message: problem, input: value })
}

/**
 * A civil date, Asia/Shanghai, as a request names it (query, path or body): the one date field
 * every contract uses — calendar-valid and inside DATE_RANGE.
 */
export const civilDate = z.string().superRefine(refineDate)

/** A civil date the server writes in a response: the shape only (a deadline may pass 2100). */
export const civilDateOut = z.string().regex(DATE_SHAPE, '日期格式应为 YYYY-MM-DD')

/**
 * A moment with its UTC offset (ISO 8601, e.g. 2026-03-02T09:00:00+08:00), as a request names
 * it: a real day and time, its date inside DATE_RANGE.
 */
export function instant(message = '时间格式不正确（应为带时区的 ISO 8601 时间）') {
  return z.iso.datetime({ offset: true, message }).superRefine((value, context) => {
    const problem = civilDateProblem(value.slice(0, 10))
    if (problem) context.addIssue({ code: 'custom', message: problem, input: value })
  })
}

/** The article behind a decision: rule id, source, article number, its words. */
export const citation = z.object({
  ruleId: z.string(),
  source: z.string(),
  article: z.string(),
  excerpt: z.string(),
})

/** 当前办理: who holds one open piece of work now. */
export const holding = z.object({
  kind: z.string(),
  postId: z.string().nullable(),
  postTitle: z.string().nullable(),
  departmentId: z.string().nullable(),
  unitName: z.string().nullable(),
  holders: z.array(z.string()),
  /** Who acts: for a vacant post (代理), or for an away holder (代行, `note` with the article). */
  acting: z
    .object({
      postId: z.string(),
      title: z.string(),
      holders: z.array(z.string()),
      note: z.string().nullable().optional(),
    })
    .nullable(),
  vacant: z.boolean(),
  since: z.string(),
  dueDate: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
})

/**
 * Limits on what people type, stated once: the forms show them as counters before submission
 * and the server refuses more with the same words. A title: the longest 标题 in the five
 * counties' texts is 23 characters (关于印发六盘水市钟山区人民政府工作规则的通知); GB/T 9704 titles
 * stay well under 100. 正文: 200,000 characters (about 600 KB as UTF-8 JSON), inside the 1 MB a
 * request may carry.
 */
export const LIMITS = {
  title: 100,
  body: 200_000,
  /** Bytes of one JSON request (Fastify bodyLimit). */
  requestBytes: 1_048_576,
} as const

/**
 * Characters no one means to type into an official text: bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069, U+200E/U+200F, U+061C), which can make a title read differently from what is
 * stored, and other control characters (C0 except tab and line breaks, DEL, C1).
 */
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

export const FORBIDDEN_CHARACTER_MESSAGE =
  '含有不允许的控制字符（如文字方向控制符 U+202E），请删除后重新输入'

/** The first forbidden character in a text, as U+XXXX, or null. */
export function forbiddenCharacterIn(text: string): string | null {
  const found = FORBIDDEN_CHARACTER.exec(text)
  if (!found) return null
  return `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * The one refinement every free-text field shares. The server applies it to every string of every
 * request (body, query, path) before the route's own contract (build-server.ts), so a field added
 * to a contract tomorrow is covered too; `text()` below carries it inside a contract as well.
 */
export function refuseControlCharacters(value: unknown, context: z.RefinementCtx): void {
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      const found = forbiddenCharacterIn(node)
      if (found)
        context.addIssue({
          code: 'custom',
          path,
          message: `${FORBIDDEN_CHARACTER_MESSAGE}（${found}）`,
          input: node,
        })
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index]))
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key])
    }
  }
  walk(value, [])
}

/** A free-text field: at most `max` characters, no control characters, in Chinese. */
export function text(max: number) {
  return z
    .string()
    .max(max, `不得超过 ${max} 个字`)
    .refine((value) => forbiddenCharacterIn(value) === null, FORBIDDEN_CHARACTER_MESSAGE)
}

/** A title (标题、会议名称、议题、督办事项): trimmed, at most LIMITS.title characters. */
export function titleField(requiredMessage?: string) {
  const trimmed = z.string().trim()
  return (requiredMessage ? trimmed.min(1, requiredMessage) : trimmed)
    .max(LIMITS.title, `标题不得超过 ${LIMITS.title} 个字`)
    .refine((value) => forbiddenCharacterIn(value) === null, FORBIDDEN_CHARACTER_MESSAGE)
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
}

/**
 * zod's own messages in Chinese, for every check a contract does not word itself: a client shows
 * the message, and no one using the product should read English.
 */
export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填项'
      return `类型不正确，应为${TYPE_NAMES[issue.expected] ?? '其他类型'}`
    case 'too_big': {
      const max = String(issue.maximum)
      if (issue.origin === 'string') return `不得超过 ${max} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `不得超过 ${max} 项`
      return `不得大于 ${max}`
    }
    case 'too_small': {
      const min = String(issue.minimum)
      if (issue.origin === 'string') return min === '1' ? '不能为空' : `至少 ${min} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`
      return `不得小于 ${min}`
    }
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return '编号格式不正确'
      if (issue.format === 'datetime') return '时间格式不正确（应为带时区的 ISO 8601 时间）'
      if (issue.format === 'date') return '日期格式应为 YYYY-MM-DD'
      if (issue.format === 'email') return '电子邮件地址格式不正确'
      if (issue.format === 'url') return '网址格式不正确'
      return '格式不正确'
    case 'invalid_value':
      return `取值无效，应为：${issue.values.map((value) => String(value)).join('、')}`
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
    case 'custom':
      return '取值无效'
    default:
      return '取值无效'
  }
}

z.config({ customError: (issue) => chineseIssueMessage(issue) })
