import { z } from 'zod'
import { isLocalDate } from '../dates/local-date.ts'
import { articleSchema } from './citation.ts'
import { whenSchema } from './conditions.ts'
import { RULE_KINDS, type RuleKind, type RuleParams, ruleParams } from './rule-kinds.ts'

const localDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine(isLocalDate, { message: '日期格式应为 YYYY-MM-DD' })

const id = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, '编号应为小写字母开头的驼峰英文（如 executiveDeputy）')
const ruleId = z
  .string()
  .regex(
    /^[a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+$/,
    '规则编号应为"辖区.主题.名称"形式（小写、点号分隔）',
  )

const ruleEnvelope = {
  id: ruleId,
  title: z.string().min(1),
  article: articleSchema,
  when: whenSchema.optional(),
  effectiveFrom: localDate.optional(),
  effectiveTo: localDate.optional(),
  /** Replaces a rule of the base rulebook with the same kind. */
  overrides: ruleId.optional(),
  note: z.string().optional(),
}

function ruleVariant<K extends RuleKind>(kind: K) {
  return z.strictObject({ ...ruleEnvelope, kind: z.literal(kind), params: ruleParams[kind] })
}

export const ruleSchema = z.discriminatedUnion(
  'kind',
  RULE_KINDS.map((kind) => ruleVariant(kind)) as unknown as [
    ReturnType<typeof ruleVariant<RuleKind>>,
    ...ReturnType<typeof ruleVariant<RuleKind>>[],
  ],
)

export const postSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /**
   * fixed: one post (区长). relational: resolved per matter (分管副区长 of the matter).
   * group: several people (副区长 as a class). desk: an office unit (秘书股).
   */
  type: z.enum(['fixed', 'relational', 'group', 'desk']),
  /**
   * Posts this post contains, when it names a class: 副区长 (deputy) includes 常务副区长
   * (executiveDeputy) where the text makes the executive deputy one of the deputies.
   * Read transitively with `postsIncludedBy`.
   */
  includes: z.array(id).optional(),
  note: z.string().optional(),
  article: articleSchema.optional(),
})

export const meetingSchema = z.strictObject({
  id,
  name: z.string().min(1),
  members: z.array(z.string()).default([]),
  attendees: z.array(z.string()).default([]),
  convener: z.array(z.string()).default([]),
  frequency: z.string().optional(),
  article: articleSchema.optional(),
})

export const documentPrefixSchema = z.strictObject({
  prefix: z.string().min(1),
  issuer: z.enum(['government', 'office', 'partyGroup', 'officePartyGroup']),
  label: z.string().min(1),
  article: articleSchema.optional(),
})

export const rulebookSchema = z
  .strictObject({
    rulebook: z.string().regex(/^[a-z][a-z0-9]*$/, '规则库编号应为小写英文（如 zhongshan）'),
    title: z.string().min(1),
    version: z.string().min(1),
    effectiveFrom: localDate,
    effectiveTo: localDate.optional(),
    extends: z.string().optional(),
    supersedes: z
      .strictObject({
        version: z.string(),
        effectiveFrom: localDate,
        article: articleSchema.optional(),
      })
      .optional(),
    jurisdiction: z
      .strictObject({
        code: z.string(),
        name: z.string().min(1),
        level: z.enum(['county', 'district', 'city']),
        region: z.string().min(1),
      })
      .optional(),
    source: z.strictObject({
      seed: z.string().optional(),
      title: z.string().min(1),
      documentNumber: z.string().optional(),
      issued: localDate.optional(),
    }),
    /** Extra calendar layers (regional holidays, next year's notice) by calendar id. */
    calendars: z.array(z.string()).default([]),
    posts: z.array(postSchema).default([]),
    meetings: z.array(meetingSchema).default([]),
    documentPrefixes: z.array(documentPrefixSchema).default([]),
    rules: z.array(ruleSchema).default([]),
  })
  .superRefine((book, ctx) => {
    if (book.jurisdiction && book.jurisdiction.code !== book.rulebook) {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdiction', 'code'],
        message: `辖区代码应与规则库编号 ${book.rulebook} 一致`,
      })
    }
  })

export type Rulebook = Omit<z.output<typeof rulebookSchema>, 'rules'> & { rules: Rule[] }
type RuleEnvelope = z.output<z.ZodObject<typeof ruleEnvelope>>
/** One rule: the envelope (id, article, when…) plus the params of its kind. */
export type Rule = { [K in RuleKind]: RuleEnvelope & { kind: K; params: RuleParams<K> } }[RuleKind]
export type Post = z.output<typeof postSchema>
export type Meeting = z.output<typeof meetingSchema>
export type RuleOfKind<K extends RuleKind> = Extract<Rule, { kind: K }>
