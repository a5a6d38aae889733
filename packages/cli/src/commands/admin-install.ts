import { randomUUID } from 'node:crypto'
import {
  createScryptHasher,
  installAdministrator,
  resetPasswordFromConsole,
  sm3Hasher,
} from '@zhengling/app'
import { createInTransaction } from '@zhengling/db'
import type { Output } from '../output.ts'
import { withDatabase } from '../with-database.ts'

// Passwords come from ZHENGLING_ADMIN_PASSWORD so they never appear in shell history or `ps`.

/** `zhengling admin install <role> <username>`: creates one of the three administrators. */
export function adminInstall(
  output: Output,
  role: string | undefined,
  username: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> | number {
  const password = env.ZHENGLING_ADMIN_PASSWORD
  if (!role || !username || !password) {
    output.err(
      '用法：ZHENGLING_ADMIN_PASSWORD=… zhengling admin install <systemAdmin|securityAdmin|auditAdmin> <用户名>（密码只从环境变量读取，不在命令行中出现）',
    )
    return 2
  }
  return withDatabase(output, env, async (handle) => {
    await installAdministrator(
      {
        inTransaction: createInTransaction(handle.db),
        passwords: createScryptHasher(),
        hasher: sm3Hasher,
        now: () => new Date(),
        newId: randomUUID,
      },
      { role, username, password },
    )
    output.out(`✓ 已创建管理员账户：${username}（${role}）`)
    return 0
  })
}

/** `zhengling admin reset-password <username>`: the console's reset, for administrators too. */
export function adminResetPassword(
  output: Output,
  username: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> | number {
  const password = env.ZHENGLING_ADMIN_PASSWORD
  if (!username || !password) {
    output.err('用法：ZHENGLING_ADMIN_PASSWORD=… zhengling admin reset-password <用户名>')
    return 2
  }
  return withDatabase(output, env, async (handle) => {
    const { revokedSessions } = await resetPasswordFromConsole(
      {
        inTransaction: createInTransaction(handle.db),
        passwords: createScryptHasher(),
        hasher: sm3Hasher,
        now: () => new Date(),
      },
      { username, password },
    )
    output.out(`✓ 已重置 ${username} 的密码，已结束 ${revokedSessions} 个会话`)
    return 0
  })
}
