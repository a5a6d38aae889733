import { addDays, dayOfWeek, isLocalDate, type LocalDate } from '../dates/local-date.ts'
import type { CalendarData } from './calendar-data.ts'

/**
 * Reads the State Council's yearly notice (国务院办公厅关于N年部分节假日安排的通知) in the fixed
 * form it has kept for years, e.g.
 *   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 *   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。…
 *   一、元旦：1月1日（周三）放假1天，不调休。
 * Every weekday written in brackets and every "共N天" is checked against the dates read, so a
 * mistyped paste is refused by line instead of becoming a wrong working day.
 */
export interface HolidayNoticeItem {
  /** The festival(s) as the notice names them: 元旦, 国庆节、中秋节. */
  name: string
  holidays: LocalDate[]
  makeupWorkdays: LocalDate[]
  line: number
}

export interface HolidayNoticeProblem {
  line: number
  message: string
}

export type ParsedHolidayNotice =
  | { ok: true; year: number; title: string; items: HolidayNoticeItem[]; data: CalendarData }
  | { ok: false; year?: number; problems: HolidayNoticeProblem[] }

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 }
const ITEM_LINE = /^[一二三四五六七八九十]+、\s*([^：:]+?)\s*[：:]\s*(.+)$/
/** A date as the notice writes it: [YYYY年][M月]D日[（…）]. */
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(]([^）)]*)[）)])?/y

interface WrittenDate {
  date: LocalDate
  bracket?: string
}

const ITEM_START = /(?=[一二三四五六七八九十]+、[^、：:。]{1,16}[：:])/

/**
 * Spaces go (pages indent with them) and half-width commas become full-width; an item that a
 * copy ran into the line before it is split off, so a notice pasted as one paragraph reads too.
 */
function segments(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .replace(/[ \t\u3000]+/g, '')
    .replace(/,/g, '，')
    .split('\n')
    .flatMap((line) => line.split(ITEM_START))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Reads consecutive dates from `text` at `start` ("1月28日（…）至2月4日（…）" or a list
 * "1月26日（周日）、2月8日（周六）"), filling the month and year a date leaves out from the one
 * before it.
 */
function readDate(
  text: string,
  at: number,
  context: { year: number; month?: number },
): { written: WrittenDate; end: number } | undefined {
  DATE.lastIndex = at
  const match = DATE.exec(text)
  if (!match) return undefined
  const year = match[1] ? Number(match[1]) : context.year
  const month = match[2] ? Number(match[2]) : context.month
  if (month === undefined) return undefined
  const date = `${year}-${pad(month)}-${pad(Number(match[3]))}`
  if (!isLocalDate(date)) return undefined
  context.year = year
  context.month = month
  return { written: { date, bracket: match[4] }, end: DATE.lastIndex }
}

function weekdayProblem(written: WrittenDate): string | undefined {
  if (!written.bracket) return undefined
  const said = /(?:周|星期)([日天一二三四五六])/.exec(written.bracket)
  if (!said) return undefined
  const expected = WEEKDAYS[said[1] as string]
  if (dayOfWeek(written.date) === expected) return undefined
  const actual = '日一二三四五六'[dayOfWeek(written.date)]
  return `${written.date} 是周${actual}，通知写作“${said[0]}”，请核对日期`
}

function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

function parseItem(
  body: string,
  year: number,
  line: number,
  name: string,
): { item?: HolidayNoticeItem; problems: string[] } {
  const problems: string[] = []
  const context: { year: number; month?: number } = { year }
  const first = readDate(body, 0, context)
  if (!first) return { problems: ['未读到放假起始日期（应为“M月D日”）'] }
  const dates: WrittenDate[] = [first.written]
  let at = first.end
  let holidays: LocalDate[]
  if (body.startsWith('至', at)) {
    const last = readDate(body, at + 1, context)
    if (!last) return { problems: ['“至”后未读到放假截止日期'] }
    dates.push(last.written)
    at = last.end
    if (last.written.date < first.written.date)
      return { problems: [`放假截止日期 ${last.written.date} 早于起始日期 ${first.written.date}`] }
    holidays = datesBetween(first.written.date, last.written.date)
  } else {
    holidays = [first.written.date]
  }
  const rest = body.slice(at)
  if (!/^[，,]?(放假|与周末连休)/.test(rest))
    problems.push('放假日期后应为“放假”“放假调休”或“与周末连休”')
  const total = /共(\d+)天/.exec(rest) ?? /放假(\d+)天/.exec(rest)
  if (total && Number(total[1]) !== holidays.length)
    problems.push(`通知写“共${total[1]}天”，读出的放假日期为 ${holidays.length} 天`)

  const makeupWorkdays: LocalDate[] = []
  const workSentence = /。([^。]*?)上班/.exec(rest)
  if (workSentence) {
    const list = workSentence[1] as string
    let cursor = 0
    while (cursor < list.length) {
      const next = readDate(list, cursor, context)
      if (!next) {
        problems.push(`调休上班日期读不出：“${list}”`)
        break
      }
      dates.push(next.written)
      makeupWorkdays.push(next.written.date)
      cursor = next.end
      if (list[cursor] === '、' || list[cursor] === '和') cursor += 1
      else if (cursor < list.length) {
        problems.push(`调休上班日期之间应以“、”分隔：“${list}”`)
        break
      }
    }
  }
  for (const written of dates) {
    const problem = weekdayProblem(written)
    if (problem) problems.push(problem)
  }
  for (const day of makeupWorkdays)
    if (holidays.includes(day)) problems.push(`${day} 既是放假日又是上班日`)
  return { item: { name, holidays, makeupWorkdays, line }, problems }
}

export function parseHolidayNotice(text: string): ParsedHolidayNotice {
  const lines = segments(text)
  const whole = lines.join('')
  const titled = /关于(\d{4})年(?:部分)?节假日安排的通知/.exec(whole)
  const stated = titled ?? /现将(\d{4})年/.exec(whole)
  if (!stated)
    return {
      ok: false,
      problems: [
        { line: 1, message: '未读到年份：应含“关于N年部分节假日安排的通知”或“现将N年……”' },
      ],
    }
  const year = Number(stated[1])
  const problems: HolidayNoticeProblem[] = []
  const items: HolidayNoticeItem[] = []
  lines.forEach((raw, index) => {
    const match = ITEM_LINE.exec(raw)
    if (!match) return
    const parsed = parseItem(match[2] as string, year, index + 1, match[1] as string)
    problems.push(...parsed.problems.map((message) => ({ line: index + 1, message })))
    if (parsed.item) items.push(parsed.item)
  })
  if (items.length === 0 && problems.length === 0)
    problems.push({ line: 1, message: '未读到任何放假安排（应为“一、元旦：1月1日……”的条目）' })
  const seen = new Map<LocalDate, number>()
  for (const item of items)
    for (const day of [...item.holidays, ...item.makeupWorkdays]) {
      const other = seen.get(day)
      if (other !== undefined && other !== item.line)
        problems.push({ line: item.line, message: `${day} 在第${other}行已安排` })
      seen.set(day, item.line)
    }
  if (problems.length > 0) return { ok: false, year, problems }
  const title = `国务院办公厅关于${year}年部分节假日安排的通知`
  const data: CalendarData = {
    calendar: `national-notice-${year}`,
    scope: 'national',
    covers: [year],
    source: { title },
    days: items.flatMap((item) => [
      ...item.holidays.map((date) => ({ date, kind: 'holiday' as const, name: item.name })),
      ...item.makeupWorkdays.map((date) => ({
        date,
        kind: 'makeupWorkday' as const,
        name: `${item.name}调休上班`,
      })),
    ]),
  }
  return { ok: true, year, title, items, data }
}
