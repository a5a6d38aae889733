import { InvalidInputError } from '../errors.ts'

/** The security admin's login settings (one set for the deployment). */
export interface SecuritySettings {
  /** Days a password lasts; 0 = it does not expire. */
  passwordExpiryDays: number
  /** How many previous passwords (counting the current one) may not be chosen again; 0 = none. */
  passwordHistoryCount: number
  /** Open sessions per account; signing in beyond it ends the oldest. */
  maxSessionsPerAccount: number
}

export const SECURITY_SETTING_RANGES: Record<keyof SecuritySettings, [number, number]> = {
  passwordExpiryDays: [0, 3650],
  passwordHistoryCount: [0, 24],
  maxSessionsPerAccount: [1, 100],
}

const LABELS: Record<keyof SecuritySettings, string> = {
  passwordExpiryDays: '密码有效期（天）',
  passwordHistoryCount: '不得重复使用的历史密码个数',
  maxSessionsPerAccount: '每个账户同时在线会话数',
}

/** Refuses a setting outside its range, in Chinese, naming the field. */
export function assertSecuritySettings(settings: SecuritySettings): void {
  const issues = (Object.keys(SECURITY_SETTING_RANGES) as (keyof SecuritySettings)[]).flatMap(
    (key) => {
      const [min, max] = SECURITY_SETTING_RANGES[key]
      const value = settings[key]
      return Number.isInteger(value) && value >= min && value <= max
        ? []
        : [{ path: `/${key}`, message: `${LABELS[key]}须为 ${min} 至 ${max} 之间的整数` }]
    },
  )
  if (issues.length > 0)
    throw new InvalidInputError(
      'SECURITY_SETTINGS_INVALID',
      issues.map((issue) => issue.message).join('；'),
      issues,
    )
}

/** Whether a password set at `changedAt` has run out at `now`. */
export function passwordExpired(changedAt: string, now: Date, expiryDays: number): boolean {
  return expiryDays > 0 && Date.parse(changedAt) + expiryDays * 86_400_000 <= now.getTime()
}
