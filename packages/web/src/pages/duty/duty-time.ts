import { useEffect, useState } from 'react'
import type { Period, TimedStep } from '../../api/duty.ts'
import { formatShanghaiTime } from '../../format.ts'

const UNIT_LABELS: Record<string, string> = {
  minute: '分钟',
  hour: '小时',
  day: '日',
  workingDay: '个工作日',
  week: '周',
  month: '个月',
  year: '年',
}

/** A period the server sent as { amount, unit }, "2 hours" / "2hour", or already in words (2小时). */
export function periodOf(within: Period | string | undefined): Period | null {
  if (!within) return null
  if (typeof within !== 'string') return within
  // The server writes a period of zero as the article does: 立即 (托克逊 七十六).
  if (within.trim() === '立即') return { amount: 0, unit: 'minute' }
  const match = /^(\d+)\s*([A-Za-z]+?)s?$/.exec(within.trim())
  if (match) return { amount: Number(match[1]), unit: match[2] as string }
  const words = /^(\d+)\s*(分钟|小时)$/.exec(within.trim())
  if (words) return { amount: Number(words[1]), unit: words[2] === '分钟' ? 'minute' : 'hour' }
  return null
}

/** 1小时, 2小时, 5小时; 立即 for a period of nothing (托克逊 七十六). */
export function formatWithin(within: Period | string | undefined): string {
  const period = periodOf(within)
  if (!period) return typeof within === 'string' ? within : ''
  if (period.amount === 0) return '立即'
  return `${period.amount}${UNIT_LABELS[period.unit] ?? period.unit}`
}

/** Minutes of a period counted straight through (hours, minutes); null for day-based periods. */
export function minutesOf(within: Period | string | undefined): number | null {
  const period = periodOf(within)
  if (!period) return null
  if (period.unit === 'hour') return period.amount * 60
  if (period.unit === 'minute') return period.amount
  return null
}

/** An instant in Beijing time to the minute: 2026-09-28 23:10. */
export function shanghaiMinute(instant: string): string {
  return formatShanghaiTime(instant).slice(0, 16)
}

/** An instant in Beijing time without the year, for a countdown's due time: 09-29 00:10. */
export function shanghaiShort(instant: string): string {
  return formatShanghaiTime(instant).slice(5, 16)
}

/** A datetime-local field's value (wall time in Beijing) as an instant the API takes. */
export function beijingInstant(local: string): string {
  const minute = local.slice(0, 16)
  return `${minute}:00+08:00`
}

/** Now in Beijing as a datetime-local value: the form's default, on the server's clock. */
export function beijingLocal(instant: number): string {
  return formatShanghaiTime(new Date(instant).toISOString()).slice(0, 16).replace(' ', 'T')
}

/** Milliseconds as 剩余 0:49:05 / 超时 0:01:10, hours running past a day (27:10:00). */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

/**
 * The server's time now, ticking each second in the browser: the offset between the server's
 * `serverNow` (sent with each answer) and the browser's clock is taken when the answer arrives,
 * so every countdown runs on the server's clock (which tests move) and never the browser's own.
 */
export function useServerNow(serverNow: string | undefined): number | null {
  const [offset, setOffset] = useState<number | null>(null)
  const [tick, setTick] = useState(() => Date.now())
  useEffect(() => {
    if (serverNow) setOffset(Date.parse(serverNow) - Date.now())
  }, [serverNow])
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return offset === null ? null : tick + offset
}

/** Under this many minutes left, a countdown turns orange. */
const SOON_MS = 15 * 60_000

/** done / doneLate (reported after due) / open / soon (under 15 minutes) / overdue. */
export type StepState = 'done' | 'doneLate' | 'open' | 'soon' | 'overdue'

/** A step's standing at `now` (the server's time in the browser; null before the first answer). */
export function stepState(step: TimedStep, now: number | null): StepState {
  const due = Date.parse(step.due)
  if (step.satisfiedAt) return Date.parse(step.satisfiedAt) > due ? 'doneLate' : 'done'
  if (step.overdueAt || step.state === 'overdue' || (now !== null && now >= due)) return 'overdue'
  if (now !== null && due - now <= SOON_MS) return 'soon'
  return 'open'
}

/**
 * Each deadline passing alerts once on a board, whether the board's countdown reaches zero first
 * or the server's timer (the stream's `overdue`) reports it first.
 */
export class PassingLedger {
  /** Steps this screen has seen counting down (`incident:act`). */
  private readonly counting = new Set<string>()
  /** Passings raised here from the countdown, not yet matched by the server's report. */
  private readonly raisedHere = new Map<string, number>()

  /** The items whose steps reached zero at `now` since they were last seen counting down. */
  passedAt(items: readonly { id: string; steps: readonly TimedStep[] }[], now: number): string[] {
    const passed: string[] = []
    for (const item of items)
      for (const step of item.steps) {
        const key = `${item.id}:${step.act}`
        const state = stepState(step, now)
        if (state === 'open' || state === 'soon') this.counting.add(key)
        else if (state === 'overdue' && this.counting.delete(key)) {
          this.raisedHere.set(item.id, (this.raisedHere.get(item.id) ?? 0) + 1)
          passed.push(item.id)
        }
      }
    return passed
  }

  /** The server reports a passing of the item's step: whether it is news to this screen. */
  serverPassed(id: string): boolean {
    const here = this.raisedHere.get(id) ?? 0
    if (here > 0) {
      this.raisedHere.set(id, here - 1)
      return false
    }
    // Its countdown reaching zero on the answer that follows is this same passing.
    for (const key of this.counting) if (key.startsWith(`${id}:`)) this.counting.delete(key)
    return true
  }
}
