import { InvalidInputError } from '../errors.ts'

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
