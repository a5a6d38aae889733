import { DEPLOYMENT_CHAIN } from '../audit/audit-chain.ts'
import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import { ConflictError, InvalidInputError } from '../errors.ts'
import type { PasswordHasher } from '../identity/password-hasher.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { assertPasswordPolicy } from './create-account.ts'

export const ADMIN_ROLES = ['systemAdmin', 'securityAdmin', 'auditAdmin'] as const
export type AdminRole = (typeof ADMIN_ROLES)[number]

/**
 * Installation: creates one of the three administrators (三员), one account per role, from the
 * server's console rather than the web (nobody is signed in yet). Audited on the deployment chain.
 */
export async function installAdministrator(
  deps: {
    inTransaction: InTransaction
    passwords: PasswordHasher
    hasher: Hasher
    now: () => Date
    newId: () => string
  },
  input: { role: string; username: string; password: string },
): Promise<void> {
  const role = ADMIN_ROLES.find((candidate) => candidate === input.role)
  if (!role)
    throw new InvalidInputError(
      'UNKNOWN_ADMIN_ROLE',
      `没有这个管理员角色：${input.role}（可选：${ADMIN_ROLES.join('、')}）`,
    )
  assertPasswordPolicy(input.password, input.username)
  const passwordHash = await deps.passwords.hash(input.password)
  await deps.inTransaction(async (r) => {
    const accounts = await r.accountAdmin.accounts()
    if (accounts.some((account) => account.adminRole === role))
      throw new ConflictError(
        'ADMIN_ROLE_TAKEN',
        `${role} 账户已存在；如需更换，请由系统管理员重置密码`,
      )
    if (await r.accountAdmin.usernameTaken(input.username))
      throw new ConflictError('USERNAME_TAKEN', `用户名已被使用：${input.username}`)
    await r.accountAdmin.createAccount({
      id: deps.newId(),
      username: input.username,
      passwordHash,
      adminRole: role,
    })
    await r.audit.append(
      auditEntry({
        jurisdictionId: DEPLOYMENT_CHAIN,
        occurredAt: deps.now().toISOString(),
        action: 'account.installAdministrator',
        subject: input.username,
        details: { role, via: 'cli' },
      }),
      deps.hasher,
    )
  })
}
