import { randomUUID } from 'node:crypto'
import {
  createScryptHasher,
  DomainError,
  installAdministrator,
  resetPasswordFromConsole,
  sm3Hasher,
} from '@zhengling/app'
import { createInTransaction, databaseConfig, migrate, openDatabase } from '@zhengling/db'
import type { Output } from '../output.ts'

/**
 * `zhengling admin install <role> <username>`: creates one of the three administrators. The
 * password comes from ZHENGLING_ADMIN_PASSWORD so it never appears in the shell history or `ps`.
 */
export async function adminInstall(
  output: Output,
  role: string | undefined,
  username: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!role || !username) {
    output.err(
      '用法：ZHENGLING_ADMIN_PASSWORD=… zhengling admin install <systemAdmin|securityAdmin|auditAdmin> <用户名>',
    )
    return 2
  }
  const password = env.ZHENGLING_ADMIN_PASSWORD
  if (!password) {
    output.err('✗ 请用环境变量 ZHENGLING_ADMIN_PASSWORD 提供密码（不在命令行中出现）')
    return 2
  }
  const handle = await openDatabase(databaseConfig(env))
  try {
    await migrate(handle.db)
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
  } catch (error) {
    if (error instanceof DomainError) {
      output.err(`✗ ${error.message}`)
      return 1
    }
    throw error
  } finally {
    await handle.close()
  }
}

/** `zhengling admin reset-password <username>`: the console's reset, for administrators too. */
export async function adminResetPassword(
  output: Output,
  username: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const password = env.ZHENGLING_ADMIN_PASSWORD
  if (!username || !password) {
    output.err('用法：ZHENGLING_ADMIN_PASSWORD=… zhengling admin reset-password <用户名>')
    return 2
  }
  const handle = await openDatabase(databaseConfig(env))
  try {
    await migrate(handle.db)
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
  } catch (error) {
    if (error instanceof DomainError) {
      output.err(`✗ ${error.message}`)
      return 1
    }
    throw error
  } finally {
    await handle.close()
  }
}
