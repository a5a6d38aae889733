import { dictionary } from '@zxcvbn-ts/language-common'

let common: Set<string> | undefined

/** The ~49,000 most common passwords (zxcvbn-ts's list), lowercase, loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'] as string[])
  return common
}

/**
 * Whether a password is on the common list, as typed or once capitals, and digits and symbols at
 * its ends, are set aside: `Password1234` and `Password2026!` are both `password` with dressing.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase()
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  return commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core))
}
