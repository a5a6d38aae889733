import type { Repositories } from '../unit-of-work.ts'

/**
 * The 收文编号 format used where a jurisdiction has set none of its own: {year} and {serial}
 * stand for the year of registration and the number in it.
 */
export const DEFAULT_RECEIPT_NUMBER_FORMAT = '收文〔{year}〕{serial}号'

/** What is wrong with a 收文编号 format (a roster setting), or null when it is usable. */
export function receiptNumberFormatProblem(template: string): string | null {
  if (!template.includes('{year}') || !template.includes('{serial}'))
    return '收文编号格式须含 {year}（年份）和 {serial}（序号），如"收文〔{year}〕{serial}号"'
  if ([...template].length > 40) return '收文编号格式不能超过40个字'
  return null
}

/** The 收文编号 of a serial in a year, in the format given (or the default). */
export function formatReceiptNumber(template: string | null, year: number, serial: number): string {
  return (template ?? DEFAULT_RECEIPT_NUMBER_FORMAT)
    .replaceAll('{year}', String(year))
    .replaceAll('{serial}', String(serial))
}

/**
 * Gives the next 收文编号 of the jurisdiction in the year of `today` (registration), inside the
 * caller's transaction: the sequence row stays locked until it ends, so concurrent registrations
 * wait their turn and a rolled-back one leaves no gap.
 */
export async function assignReceiptNumber(
  r: Repositories,
  jurisdictionId: string,
  today: string,
): Promise<string> {
  const year = Number(today.slice(0, 4))
  const { serial, format } = await r.documents.nextReceiptNumber(jurisdictionId, year)
  return formatReceiptNumber(format, year, serial)
}
