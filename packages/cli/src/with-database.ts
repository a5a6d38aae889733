import { DomainError } from '@zhengling/app'
import { type DatabaseHandle, databaseConfig, migrate, openDatabase } from '@zhengling/db'
import type { Output } from './output.ts'

/**
 * Runs a command on the configured database, migrated first, and closes it. A domain error (a
 * refused act) prints as one Chinese line and exit code 1; anything else goes to `runCli`.
 */
export async function withDatabase(
  output: Output,
  env: NodeJS.ProcessEnv,
  work: (handle: DatabaseHandle) => Promise<number>,
): Promise<number> {
  const handle = await openDatabase(databaseConfig(env))
  try {
    await migrate(handle.db)
    return await work(handle)
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
