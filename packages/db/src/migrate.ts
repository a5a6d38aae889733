import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations')

// Any fixed number: replicas starting together take turns applying migrations.
const MIGRATION_LOCK = 7_304_2026

/**
 * Applies the plain SQL files in `migrations/` in name order, each in its own transaction,
 * skipping those already recorded. Returns the names applied now.
 */
export async function migrate(
  db: Kysely<Database>,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
  // Up to date: nothing to do, and nothing the application role (which may not create or
  // change tables, docs/decisions/0020) is refused. Only the owner gets further.
  if ((await pendingMigrations(db, files)).length === 0) return []
  try {
    await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(
      db,
    )
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error
    throw new Error(
      '数据库有待执行的迁移，而当前连接的角色无权修改结构：请以属主身份迁移（ZHENGLING_MIGRATION_DATABASE_URL，或 DATABASE_URL=属主 zhengling db migrate）',
      { cause: error },
    )
  }
  const applied: string[] = []
  for (const name of files) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
      const existing = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst()
      if (existing) return false
      await sql.raw(readFileSync(join(dir, name), 'utf8')).execute(trx)
      await trx.insertInto('schema_migrations').values({ name }).execute()
      return true
    })
    if (done) applied.push(name)
  }
  return applied
}

/** The migration files not yet recorded as applied (all of them on an empty database). */
async function pendingMigrations(db: Kysely<Database>, files: string[]): Promise<string[]> {
  const { rows } = await sql<{
    exists: boolean
  }>`select to_regclass('schema_migrations') is not null as exists`.execute(db)
  if (!rows[0]?.exists) return files
  const applied = new Set(
    (await db.selectFrom('schema_migrations').select('name').execute()).map((row) => row.name),
  )
  return files.filter((name) => !applied.has(name))
}
