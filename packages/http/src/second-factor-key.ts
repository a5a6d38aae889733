import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * The key that seals TOTP secrets at rest (ADR 0022), never stored in the database:
 * ZHENGLING_SECOND_FACTOR_KEY (64 hex digits), or else the key file
 * ZHENGLING_SECOND_FACTOR_KEY_FILE (default `.data/second-factor.key`), made (mode 0600) on first
 * start so a demo or a single server keeps its enrolments across restarts.
 */
export function secondFactorKey(env: NodeJS.ProcessEnv): { key: string; source: string } {
  const given = env.ZHENGLING_SECOND_FACTOR_KEY?.trim()
  if (given) return { key: given, source: 'ZHENGLING_SECOND_FACTOR_KEY' }
  const file = env.ZHENGLING_SECOND_FACTOR_KEY_FILE ?? '.data/second-factor.key'
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  }
  return { key: readFileSync(file, 'utf8').trim(), source: file }
}
