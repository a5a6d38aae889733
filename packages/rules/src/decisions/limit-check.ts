import { z } from 'zod'
import { addDays, daysInMonth } from '../dates/local-date.ts'
import type { Period } from '../periods/period.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, DecisionError, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { numberWordingRule } from './wording.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** 每月, 每季度, 每半年, 每年, 每周, 每两周: a frequency's window in words. */
export function frequencyText(per: Period): string {
  const months = per.unit === 'year' ? per.amount * 12 : per.unit === 'month' ? per.amount : 0
  const named: Record<number, string> = { 1: '每月', 3: '每季度', 6: '每半年', 12: '每年' }
  if (months && named[months]) return named[months]
  if (per.unit === 'week') return per.amount === 1 ? '每周' : `每${per.amount}周`
  if (per.unit === 'day') return `每${per.amount}日`
  return months ? `每${months}个月` : `每${per.amount}${per.unit}`
}

/**
 * The window a frequency counts in around a date: calendar months, quarters, half years and years
 * from 1 January; N weeks or days running back from the date itself.
 */
export function frequencyWindow(per: Period, on: string): { from: string; to: string } {
  const months = per.unit === 'year' ? per.amount * 12 : per.unit === 'month' ? per.amount : 0
  if (months) {
    const year = Number(on.slice(0, 4))
    const first = Math.floor((Number(on.slice(5, 7)) - 1) / months) * months + 1
    const last = Math.min(first + months - 1, 12)
    return {
      from: `${year}-${pad(first)}-01`,
      to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}`,
    }
  }
  const days = per.unit === 'week' ? per.amount * 7 : per.unit === 'day' ? per.amount : 0
  if (!days) throw new DecisionError('INVALID_INPUT', `频次周期不能按${per.unit}计算`)
  return { from: addDays(on, 1 - days), to: on }
}

/**
 * Whether a value respects a cap or floor: 不超过 includes the number, 超过 does not. A limit with
 * a frequency (`per`) counts in a window the rules core finds from the date asked.
 */
export const limitCheck = defineDecision({
  name: 'limit-check',
  title: '数量与时长限制',
  kinds: ['limit', 'numberWording'],
  input: z.strictObject({
    subject: z.string(),
    value: z.number(),
    /** A day in the window, for a limit per month, quarter, year…: the window is returned. */
    on: localDateInput.optional(),
  }),
  decide(context, input) {
    const rule = rulesOfKind(context.rulebook, 'limit').find(
      (r) => r.params.subject.code === input.subject,
    )
    if (!rule) throw noRule(context, `"${input.subject}"的数量限制`)
    const { max, min, inclusive, unit, subject, per, inPrinciple } = rule.params
    const belowMax = max === undefined || (inclusive ? input.value <= max : input.value < max)
    const aboveMin = min === undefined || (inclusive ? input.value >= min : input.value > min)
    const within = belowMax && aboveMin
    const bounds = [
      min !== undefined ? `不少于${min}${unit}` : '',
      max !== undefined ? `不超过${max}${unit}` : '',
    ]
      .filter(Boolean)
      .join('且')
    const window = per && input.on ? frequencyWindow(per, input.on) : null
    return {
      outcome: {
        within,
        max: max ?? null,
        min: min ?? null,
        inclusive,
        per: per ? frequencyText(per) : null,
        window,
        inPrinciple,
      },
      summary:
        `${subject.label}${inPrinciple ? '原则上' : ''}应${per ? frequencyText(per) : ''}${inclusive ? bounds : bounds.replaceAll('不超过', '少于').replaceAll('不少于', '多于')}；` +
        `本次${window ? `（${window.from}至${window.to}）` : ''} ${input.value}${unit}，${within ? '符合规定' : inPrinciple ? '与原则性规定不符，须有特殊情况' : '不符合规定'}`,
      citations: cite(rule, numberWordingRule(context)),
      warnings: [],
    }
  },
})
