import { isCommonPassword } from './common-passwords.ts'

/** The password policy a security admin sets; defaults follow 等保2.0 practice (length, variety). */
export interface PasswordPolicy {
  minLength: number
  /** How many of: lowercase, uppercase, digits, symbols. */
  minCharacterClasses: number
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, minCharacterClasses: 3 }

/** Every way the password falls short, in Chinese; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  username: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): string[] {
  const problems: string[] = []
  if ([...password].length < policy.minLength) problems.push(`密码至少 ${policy.minLength} 位`)
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length
  if (classes < policy.minCharacterClasses) {
    problems.push(
      `密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.minCharacterClasses} 类`,
    )
  }
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不得包含用户名')
  if (isCommonPassword(password)) problems.push('密码过于常见（在常用密码表中），请换一个')
  return problems
}
