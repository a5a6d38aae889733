import { z } from 'zod'
import { dayOfWeek, isLocalDate } from '../dates/local-date.ts'

const bound = z.strictObject({ value: z.number().nonnegative(), inclusive: z.boolean() })

/**
 * A condition the rules core reads off a date, so the caller never decides it: "每月第一周"
 * (二连浩特 七十三) is `{ daysOfMonth: { from: 1, to: 7 } }`, "每年6月份和12月份" is
 * `{ months: [6, 12] }`, "每月第一周星期一" adds `weekdays: [1]`. Every part given must hold.
 */
export const dateConditionSchema = z
  .strictObject({
    months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
    daysOfMonth: z
      .strictObject({ from: z.number().int().min(1).max(31), to: z.number().int().min(1).max(31) })
      .refine((range) => range.from <= range.to, { message: 'daysOfMonth.from 不得大于 to' })
      .optional(),
    /** 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
  })
  .refine((c) => c.months || c.daysOfMonth || c.weekdays, {
    message: 'dates 至少应写 months、daysOfMonth、weekdays 之一',
  })

/**
 * A threshold on a quantity the caller measures, joined with the rule's other conditions by 且:
 * "需半数以上乡镇政府或部门一把手参加" (托克逊 五十九) is
 * `{ quantity: unitHeadsAttending, from: { value: 0.5, inclusive: true } }`. A quantity is a number
 * or a share `{ count, total }`, compared without rounding (半数 of 20 is 10).
 */
export const thresholdSchema = z
  .strictObject({
    quantity: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, '数量代码应为小写字母开头的驼峰英文'),
    label: z.string().min(1),
    from: bound.optional(),
    upTo: bound.optional(),
  })
  .refine((t) => t.from || t.upTo, { message: '门槛至少应写 from 或 upTo' })

/**
 * Facts that select which rule of a kind applies. A rule's `when` lists the facts it needs, all
 * of which must hold (且); a rule with more matching facts is more specific and wins (see
 * `pickMostSpecific`).
 */
export const whenSchema = z.strictObject({
  issuer: z.array(z.string()).optional(),
  documentKinds: z.array(z.string()).optional(),
  directions: z.array(z.enum(['upward', 'downward', 'lateral'])).optional(),
  prefixes: z.array(z.string()).optional(),
  important: z.boolean().optional(),
  scopes: z.array(z.enum(['portfolio', 'crossPortfolio', 'wholeGovernment'])).optional(),
  meetings: z.array(z.string()).optional(),
  posts: z.array(z.string()).optional(),
  /** Holds when any of the facts' categories is listed (a draft may be 人事任免 and 重要 at once). */
  categories: z.array(z.string()).optional(),
  /** Holds on the dates it describes; needs the fact `date`. */
  dates: dateConditionSchema.optional(),
  /** Every threshold must be reached; each needs its quantity among the facts. */
  thresholds: z.array(thresholdSchema).min(1).optional(),
})

export type When = z.infer<typeof whenSchema>
export type DateCondition = z.infer<typeof dateConditionSchema>
export type Threshold = z.infer<typeof thresholdSchema>
export type Quantity = number | { count: number; total: number }

export type Facts = {
  issuer?: string
  documentKind?: string
  direction?: 'upward' | 'downward' | 'lateral'
  prefix?: string
  important?: boolean
  scope?: 'portfolio' | 'crossPortfolio' | 'wholeGovernment'
  meeting?: string
  post?: string
  category?: string
  categories?: readonly string[]
  /** A civil date (YYYY-MM-DD) the date conditions are read from. */
  date?: string
  quantities?: Readonly<Record<string, Quantity>>
}

type ListKey = Exclude<keyof When, 'important' | 'categories' | 'dates' | 'thresholds'>
const FACT_OF: Record<ListKey, keyof Facts> = {
  issuer: 'issuer',
  documentKinds: 'documentKind',
  directions: 'direction',
  prefixes: 'prefix',
  scopes: 'scope',
  meetings: 'meeting',
  posts: 'post',
}

/** Whether a civil date satisfies a date condition (every part given). */
export function dateHolds(condition: DateCondition, date: string): boolean {
  if (!isLocalDate(date)) return false
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const weekday = dayOfWeek(date) || 7
  return (
    (!condition.months || condition.months.includes(month)) &&
    (!condition.daysOfMonth ||
      (day >= condition.daysOfMonth.from && day <= condition.daysOfMonth.to)) &&
    (!condition.weekdays || condition.weekdays.includes(weekday))
  )
}

/** Whether a measured quantity reaches a threshold; a share is compared as count against total. */
export function thresholdHolds(threshold: Threshold, quantity: Quantity): boolean {
  const [value, scale] =
    typeof quantity === 'number' ? [quantity, 1] : [quantity.count, quantity.total]
  if (scale <= 0) return false
  const reaches = (b: { value: number; inclusive: boolean }, above: boolean) => {
    const limit = b.value * scale
    if (value === limit) return b.inclusive
    return above ? value > limit : value < limit
  }
  return (
    (!threshold.from || reaches(threshold.from, true)) &&
    (!threshold.upTo || reaches(threshold.upTo, false))
  )
}

function categoriesOf(facts: Facts): readonly string[] | undefined {
  if (facts.categories) return facts.categories
  return facts.category === undefined ? undefined : [facts.category]
}

/** How many of `when`'s conditions the facts satisfy, or -1 if any condition fails. */
export function matchScore(when: When | undefined, facts: Facts): number {
  if (!when) return 0
  let score = 0
  for (const [key, expected] of Object.entries(when) as [keyof When, unknown][]) {
    if (expected === undefined) continue
    if (key === 'categories') {
      const actual = categoriesOf(facts)
      if (!actual?.some((category) => when.categories?.includes(category))) return -1
    } else if (key === 'dates') {
      if (facts.date === undefined || !dateHolds(when.dates as DateCondition, facts.date)) return -1
    } else if (key === 'thresholds') {
      for (const threshold of when.thresholds ?? []) {
        const quantity = facts.quantities?.[threshold.quantity]
        if (quantity === undefined || !thresholdHolds(threshold, quantity)) return -1
        score += 1
      }
      continue
    } else if (key === 'important') {
      if (facts.important !== expected) return -1
    } else {
      const actual = facts[FACT_OF[key]]
      if (actual === undefined || !(expected as unknown[]).includes(actual)) return -1
    }
    score += 1
  }
  return score
}

/**
 * The facts a rule's date and threshold conditions need that the caller did not give: a decision
 * refuses to guess them (a missing date is not "outside the first week").
 */
export function missingFacts(when: When | undefined, facts: Facts): string[] {
  if (!when) return []
  const missing: string[] = []
  if (when.dates && facts.date === undefined) missing.push('date')
  for (const threshold of when.thresholds ?? [])
    if (facts.quantities?.[threshold.quantity] === undefined)
      missing.push(`quantities.${threshold.quantity}`)
  return missing
}

/** Among rules whose `when` holds, the one matching the most facts; ties go to the first written. */
export function pickMostSpecific<R extends { when?: When }>(
  rules: readonly R[],
  facts: Facts,
): R | undefined {
  let best: R | undefined
  let bestScore = -1
  for (const rule of rules) {
    const score = matchScore(rule.when, facts)
    if (score > bestScore) {
      best = rule
      bestScore = score
    }
  }
  return best
}

/** A date condition in words: 每年6月、12月, 每月1日至7日, 星期一. */
export function describeDates(condition: DateCondition): string {
  const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日']
  return [
    condition.months ? `${condition.months.map((m) => `${m}月`).join('、')}` : '',
    condition.daysOfMonth
      ? `每月${condition.daysOfMonth.from}日至${condition.daysOfMonth.to}日`
      : '',
    condition.weekdays ? condition.weekdays.map((d) => `星期${WEEKDAYS[d]}`).join('、') : '',
  ]
    .filter(Boolean)
    .join('的')
}
