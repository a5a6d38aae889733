import { InvalidInputError, NotPermittedError } from '../errors.ts'

/**
 * Secrecy levels a record may carry, lowest first. 绝密 (top secret) is not among them: it must
 * never be stored on a networked system, so it is refused at input.
 */
export const SECRECY_LEVELS = ['public', 'internal', 'secret', 'confidential'] as const
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number]

const NAMES: Record<string, SecrecyLevel> = {
  公开: 'public',
  public: 'public',
  内部: 'internal',
  工作秘密: 'internal',
  internal: 'internal',
  秘密: 'secret',
  secret: 'secret',
  机密: 'confidential',
  confidential: 'confidential',
}

export const SECRECY_LABELS: Record<SecrecyLevel, string> = {
  public: '公开',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
}

export class SecrecyError extends Error {
  readonly code: 'TOP_SECRET_REFUSED' | 'UNKNOWN_SECRECY_LEVEL'
  constructor(code: SecrecyError['code'], message: string) {
    super(message)
    this.code = code
  }
}

/** Reads a level from a form or API; 绝密 gets its own refusal, never a silent downgrade. */
export function parseSecrecyLevel(value: string): SecrecyLevel {
  const trimmed = value.trim()
  if (trimmed === '绝密' || trimmed === 'topSecret' || trimmed === 'top-secret') {
    throw new SecrecyError(
      'TOP_SECRET_REFUSED',
      '绝密级信息不得在本系统中存储、处理或传输，请按保密规定线下办理',
    )
  }
  const level = NAMES[trimmed]
  if (!level)
    throw new SecrecyError(
      'UNKNOWN_SECRECY_LEVEL',
      `未知密级：${value}（可选：公开、内部、秘密、机密）`,
    )
  return level
}

export function rankOf(level: SecrecyLevel): number {
  return SECRECY_LEVELS.indexOf(level)
}

/** A level typed into a form or API call; 绝密 and unknown levels are refused as bad input. */
export function parseSecrecyInput(value: string): SecrecyLevel {
  try {
    return parseSecrecyLevel(value)
  } catch (error) {
    if (error instanceof SecrecyError) throw new InvalidInputError(error.code, error.message)
    throw error
  }
}

/**
 * 保密期限 ceilings by level (《保守国家秘密法》第十五条: 机密 不超过二十年, 秘密 不超过十年, 除另有规定外).
 * 内部 and 公开 are not state secrets: they carry no 保密期限.
 */
const LONGEST_YEARS: Partial<Record<SecrecyLevel, number>> = { secret: 10, confidential: 20 }

/**
 * Reads a 保密期限 typed with a level: `N年` or `N个月` within the level's ceiling, or `长期`.
 * Empty means none (the law's ceiling applies). Refused with its own code: a period on a record
 * that is not a state secret, a period past the ceiling, and anything else.
 */
export function parseSecrecyPeriod(
  level: SecrecyLevel,
  value: string | null | undefined,
): string | null {
  const period = (value ?? '').trim().replace(/\s+/g, '')
  if (period === '') return null
  const ceiling = LONGEST_YEARS[level]
  if (ceiling === undefined)
    throw new InvalidInputError(
      'SECRECY_PERIOD_NOT_CLASSIFIED',
      `${SECRECY_LABELS[level]}公文不是国家秘密，不标注保密期限；只有秘密、机密公文标注保密期限`,
    )
  if (period === '长期') return period
  const match = /^([1-9][0-9]{0,2})(年|个月)$/.exec(period)
  if (!match)
    throw new InvalidInputError(
      'SECRECY_PERIOD_INVALID',
      `保密期限“${period}”格式不正确，请写作“N年”“N个月”或“长期”，如“10年”`,
    )
  const months = Number(match[1]) * (match[2] === '年' ? 12 : 1)
  if (months > ceiling * 12)
    throw new InvalidInputError(
      'SECRECY_PERIOD_TOO_LONG',
      `${SECRECY_LABELS[level]}级的保密期限不超过${ceiling}年（《中华人民共和国保守国家秘密法》第十五条）`,
    )
  return period
}

/**
 * The 密级和保密期限 as marked on a document (GB/T 9704 7.2.2): `秘密★10年`, `机密` without a
 * period; 内部 and 公开 as their names (not state secrets: no ★).
 */
export function secrecyMarkOf(level: SecrecyLevel, period: string | null): string {
  const name = SECRECY_LABELS[level]
  return LONGEST_YEARS[level] !== undefined && period ? `${name}★${period}` : name
}

/**
 * Nobody makes a record they could not read: its level at most the maker's clearance, or the
 * act is refused before anything is written (as 登记来文 is).
 */
export function assertClearedFor(clearance: SecrecyLevel, level: SecrecyLevel, act: string): void {
  if (rankOf(level) > rankOf(clearance))
    throw new NotPermittedError(
      'SECRECY_ABOVE_CLEARANCE',
      `您的涉密等级（${SECRECY_LABELS[clearance]}）低于${SECRECY_LABELS[level]}，不能${act}；请交有相应涉密等级的人员办理`,
    )
}
