import { z } from 'zod'
import { isInstant } from '../dates/instant.ts'
import { isLocalDate } from '../dates/local-date.ts'

/** Shared input fields. Dates are civil dates in Asia/Shanghai. */
export const localDateInput = z
  .string()
  .refine(isLocalDate, { message: '日期格式应为 YYYY-MM-DD，且为真实存在的日期' })
export const instantInput = z
  .string()
  .refine(isInstant, { message: '时刻应为带时区的 ISO 8601 格式，如 2026-03-02T09:30:00+08:00' })
export const codeInput = z.string().min(1)
export const direction = z.enum(['upward', 'downward', 'lateral'])
export const scope = z.enum(['portfolio', 'crossPortfolio', 'wholeGovernment'])
