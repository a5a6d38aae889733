/**
 * 发文字号: the issuing organ's prefix, the full year in 六角括号 〔〕, the serial number without
 * leading zeros, then 号 — 《党政机关公文格式》GB/T 9704-2012 7.2.4 (e.g. 钟府发〔2026〕12号).
 */
export function formatDocumentNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`年份应为四位数字：${year}`)
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`序号应为正整数：${serial}`)
  return `${prefix}〔${year}〕${serial}号`
}

const NUMBER_PATTERN = /^(.+)〔(\d{4})〕([1-9]\d*)号$/

/** Reads a 发文字号 back into its parts, or undefined when it is not written per the standard. */
export function parseDocumentNumber(
  text: string,
): { prefix: string; year: number; serial: number } | undefined {
  const match = NUMBER_PATTERN.exec(text.trim())
  if (!match) return undefined
  return { prefix: match[1] as string, year: Number(match[2]), serial: Number(match[3]) }
}
