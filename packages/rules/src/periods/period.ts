import { z } from 'zod'

export const PERIOD_UNITS = [
  'workingDay',
  'day',
  'week',
  'month',
  'year',
  'hour',
  'minute',
] as const
export type PeriodUnit = (typeof PERIOD_UNITS)[number]

export interface Period {
  amount: number
  unit: PeriodUnit
}

const UNIT_WORDS: Record<string, PeriodUnit> = {
  workingDay: 'workingDay',
  workingDays: 'workingDay',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  hour: 'hour',
  hours: 'hour',
  minute: 'minute',
  minutes: 'minute',
}

const UNIT_LABELS: Record<PeriodUnit, string> = {
  workingDay: '个工作日',
  day: '日',
  week: '周',
  month: '个月',
  year: '年',
  hour: '小时',
  minute: '分钟',
}

export function formatPeriod(period: Period): string {
  return `${period.amount}${UNIT_LABELS[period.unit]}`
}

export function isTimeOfDayUnit(unit: PeriodUnit): boolean {
  return unit === 'hour' || unit === 'minute'
}

/**
 * Rulebooks write periods compactly, "3 workingDays", "1 week", "2 hours",
 * or as `{ amount, unit }`. Both parse to a Period.
 */
export const periodSchema = z.union([
  z.string().transform((text, ctx): Period => {
    const match = /^(\d+)\s*([A-Za-z]+)$/.exec(text.trim())
    const unit = match ? UNIT_WORDS[match[2] as string] : undefined
    if (!match || !unit) {
      ctx.addIssue({
        code: 'custom',
        message: `期间写法无效："${text}"，应为"数字 单位"，单位取 ${Object.keys(UNIT_WORDS).join('/')}`,
      })
      return z.NEVER
    }
    return { amount: Number(match[1]), unit }
  }),
  z.strictObject({ amount: z.number().int().nonnegative(), unit: z.enum(PERIOD_UNITS) }),
])
