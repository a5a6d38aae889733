import { formatPath, issuesToErrors, parseYamlSource, type SourceError } from '@zhengling/rules'
import { z } from 'zod'
import { receiptNumberFormatProblem } from '../documents/receipt-number.ts'

const civilDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))

/**
 * A jurisdiction's roster (人员名册) as the office keeps it: departments and townships, people,
 * posts with their holders and portfolios over dates, acting assignments. Importing it creates or
 * updates; it never deletes history (a holding ends by giving it a `to` date).
 */
export const rosterFileSchema = z.strictObject({
  jurisdiction: z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, '辖区代码为小写字母、数字或 -'),
    name: z.string().min(1),
    level: z.enum(['county', 'district', 'city']),
    rulebookVersion: z.coerce.string().min(1),
  }),
  departments: z.array(
    z.strictObject({
      name: z.string().min(1),
      kind: z.enum(['department', 'township', 'desk']),
      /** The rulebook's id for this unit when a rule names it (governmentOffice, legalOffice). */
      rulebookPost: z.string().min(1).optional(),
    }),
  ),
  people: z.array(z.strictObject({ key: z.string().min(1).max(64), name: z.string().min(1) })),
  posts: z.array(
    z.strictObject({
      role: z.string().min(1),
      title: z.string().min(1),
      department: z.string().min(1).optional(),
      /** The post heads its unit (局长, 镇长, 办公室主任): rules' 部门主要负责人 resolve to it. */
      headsUnit: z.boolean().default(false),
      holders: z
        .array(
          z.strictObject({ person: z.string().min(1), from: civilDate, to: civilDate.optional() }),
        )
        .default([]),
      portfolio: z
        .array(
          z.strictObject({
            department: z.string().min(1),
            from: civilDate,
            to: civilDate.optional(),
          }),
        )
        .default([]),
    }),
  ),
  /** Numbering prefixes (机关代字) the rulebook does not name: the government's own settings. */
  documentPrefixes: z
    .array(
      z.strictObject({
        prefix: z.string().min(1).max(16),
        issuer: z.enum(['government', 'office', 'partyGroup', 'officePartyGroup']),
        label: z.string().min(1),
      }),
    )
    .default([]),
  /**
   * The 收文编号 format, a setting of the government's own like its 机关代字: {year} and
   * {serial} stand for the year and the number (钟府收〔{year}〕{serial}号). Unset: 收文〔年〕N号.
   */
  receiptNumberFormat: z
    .string()
    .trim()
    .refine((template) => receiptNumberFormatProblem(template) === null, {
      message: '收文编号格式须含 {year}（年份）和 {serial}（序号），且不超过40个字',
    })
    .optional(),
  /**
   * Groups a document may be addressed to as one, by unit kind, with the label as the government
   * writes it on a 主送 line (各乡（镇）人民政府、街道办事处 = every township; 区政府各部门).
   */
  recipientGroups: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(64),
        kinds: z.array(z.enum(['department', 'township', 'desk'])).min(1),
      }),
    )
    .default([]),
  acting: z
    .array(
      z.strictObject({
        post: z.string().min(1),
        actingPost: z.string().min(1),
        from: civilDate,
        to: civilDate,
        ruleId: z.string().min(1).optional(),
      }),
    )
    .default([]),
})

export type RosterFile = z.output<typeof rosterFileSchema>

/** Names that must refer to something in the same file, and ranges that must run forwards. */
function crossReferenceProblems(roster: RosterFile): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = []
  const departments = new Set(roster.departments.map((d) => d.name))
  const people = new Set(roster.people.map((p) => p.key))
  const titles = new Set(roster.posts.map((p) => p.title))
  const duplicates = (names: string[], what: string, path: string) =>
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        problems.push({ path: [path, index], message: `${what}重复：${name}` })
    })
  duplicates(
    roster.departments.map((d) => d.name),
    '单位',
    'departments',
  )
  duplicates(
    roster.people.map((p) => p.key),
    '人员 key ',
    'people',
  )
  duplicates(
    roster.posts.map((p) => p.title),
    '职务',
    'posts',
  )
  duplicates(
    roster.documentPrefixes.map((p) => p.prefix),
    '发文字号前缀',
    'documentPrefixes',
  )
  duplicates(
    roster.recipientGroups.map((g) => g.label),
    '分发组',
    'recipientGroups',
  )
  roster.posts.forEach((post, index) => {
    if (post.department && !departments.has(post.department))
      problems.push({
        path: ['posts', index, 'department'],
        message: `名册中没有这个单位：${post.department}`,
      })
    if (post.headsUnit && !post.department)
      problems.push({
        path: ['posts', index, 'headsUnit'],
        message: `${post.title}不属于任何单位，不能是单位主要负责人`,
      })
    post.holders.forEach((holder, h) => {
      if (!people.has(holder.person))
        problems.push({
          path: ['posts', index, 'holders', h, 'person'],
          message: `名册中没有这个人员：${holder.person}`,
        })
      if (holder.to && holder.to < holder.from)
        problems.push({ path: ['posts', index, 'holders', h, 'to'], message: '任职结束早于开始' })
    })
    post.portfolio.forEach((entry, p) => {
      if (!departments.has(entry.department))
        problems.push({
          path: ['posts', index, 'portfolio', p, 'department'],
          message: `名册中没有这个单位：${entry.department}`,
        })
    })
  })
  roster.acting.forEach((acting, index) => {
    for (const field of ['post', 'actingPost'] as const)
      if (!titles.has(acting[field]))
        problems.push({
          path: ['acting', index, field],
          message: `名册中没有这个职务：${acting[field]}`,
        })
    if (acting.post === acting.actingPost)
      problems.push({ path: ['acting', index, 'actingPost'], message: '职务不能代理自己' })
    if (acting.to < acting.from)
      problems.push({ path: ['acting', index, 'to'], message: '代理结束早于开始' })
  })
  return problems
}

/** Reads a roster file; every problem points at its line and field. */
export function parseRosterFile(
  text: string,
  file: string,
): { roster?: RosterFile; errors: SourceError[] } {
  const source = parseYamlSource(text, file)
  if (source.syntaxErrors.length) return { errors: source.syntaxErrors }
  const parsed = rosterFileSchema.safeParse(source.value)
  if (!parsed.success) return { errors: issuesToErrors(source, parsed.error.issues) }
  const errors = crossReferenceProblems(parsed.data).map(({ path, message }) => ({
    file,
    ...source.locate(path),
    path: formatPath(path),
    message,
  }))
  return errors.length ? { errors } : { roster: parsed.data, errors: [] }
}
