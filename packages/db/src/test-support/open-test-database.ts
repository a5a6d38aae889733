import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { migrate } from '../migrate.ts'
import { type DatabaseHandle, openDatabase } from '../open-database.ts'

/**
 * A migrated database of its own for one test file: embedded PGlite in memory by default; with
 * ZHENGLING_TEST_DATABASE_URL, a fresh database on that PostgreSQL server, dropped on close.
 * The same tests thereby run on both engines (`npm run test:postgres`).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.ZHENGLING_TEST_DATABASE_URL
  if (!serverUrl) {
    const handle = await openDatabase()
    await migrate(handle.db)
    return handle
  }
  const name = `zhengling_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = await openDatabase({ url: serverUrl })
  await sql`create database ${sql.id(name)}`.execute(admin.db)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ url: url.toString() })
  await migrate(handle.db)
  return {
    ...handle,
    async close() {
      await handle.close()
      await sql`drop database if exists ${sql.id(name)}`.execute(admin.db)
      await admin.close()
    },
  }
}
