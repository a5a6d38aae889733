// Small text helpers: widths in characters, dates and numerals as GB/T 9704-2012 writes them.

/**
 * A text's width in 汉字 (the standard's unit '字', 3.1): a full-width character counts 1, a
 * half-width one (ASCII letters, Arabic numerals, '.') ½.
 */
export const widthInChars = (text: string): number => {
  let width = 0
  for (const char of text) width += (char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1
  return width
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A date as 7.3.5.4 and 7.4.3 write it: Arabic numerals, the year in full, month and day without a
 * leading zero ('2026-03-02' → '2026年3月2日').
 */
export const formatDate = (date: string): string => {
  const match = LOCAL_DATE.exec(date)
  if (match === null) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`)
  const [, year, month, day] = match as unknown as [string, string, string, string]
  const m = Number(month)
  const d = Number(day)
  const probe = new Date(Date.UTC(Number(year), m - 1, d))
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`not a date: ${date}`)
  }
  return `${Number(year)}年${m}月${d}日`
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers, 7.3.3). */
export const chineseNumeral = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`heading number ${n}`)
  const tens = Math.floor(n / 10)
  const units = n % 10
  if (tens === 0) return DIGITS[units] ?? ''
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[units]}`
}

/** The number of a heading at each level (7.3.3: '一、', '（一）', '1.', '（1）'). */
export const headingLabel = (level: 1 | 2 | 3 | 4, n: number): string => {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`
    case 2:
      return `（${chineseNumeral(n)}）`
    case 3:
      return `${n}.`
    case 4:
      return `（${n}）`
  }
}
