import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { migrate } from '../migrate.ts'
import { type DatabaseHandle, openDatabase } from '../open-database.ts'

/** The login role tests connect as: a member of the application role, with its rights only. */
export const TEST_APP_LOGIN = { user: 'zhengling_test_app', password: 'zhengling_test_app' }

/**
 * A migrated database of its own for one test file: embedded PGlite in memory by default; with
 * ZHENGLING_TEST_DATABASE_URL, a fresh database on that PostgreSQL server, dropped on close.
 * The same tests thereby run on both engines (`npm run test:postgres`).
 *
 * On the server, the database is created and migrated as the owner (the URL's user), and the
 * handle connects as the application role (docs/decisions/0020), as the server runs: a test
 * that needs the owner (creating a table of its own, or tampering as an attacker with a
 * superuser would) asks for `{ role: 'owner' }`; `owner` is then also given alongside. Embedded,
 * there is one connection and it is the owner.
 */
export async function openTestDatabase(
  options: { role?: 'app' | 'owner' } = {},
): Promise<DatabaseHandle & { owner: DatabaseHandle['db'] }> {
  const serverUrl = process.env.ZHENGLING_TEST_DATABASE_URL
  if (!serverUrl) {
    const handle = await openDatabase()
    await migrate(handle.db)
    return { ...handle, owner: handle.db }
  }
  const name = `zhengling_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = await openDatabase({ url: serverUrl })
  await sql`create database ${sql.id(name)}`.execute(admin.db)
  const ownerUrl = new URL(serverUrl)
  ownerUrl.pathname = `/${name}`
  const owner = await openDatabase({ url: ownerUrl.toString() })
  await migrate(owner.db)
  await ensureTestLogin(owner)
  const appUrl = new URL(ownerUrl)
  appUrl.username = TEST_APP_LOGIN.user
  appUrl.password = TEST_APP_LOGIN.password
  const handle = options.role === 'owner' ? owner : await openDatabase({ url: appUrl.toString() })
  return {
    ...handle,
    owner: owner.db,
    async close() {
      if (handle !== owner) await handle.close()
      await owner.close()
      await sql`drop database if exists ${sql.id(name)}`.execute(admin.db)
      await admin.close()
    },
  }
}

/** Creates the tests' login role once per server (test files race to do it: retried). */
async function ensureTestLogin(owner: DatabaseHandle): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await sql
        .raw(
          `do $$ begin
             if not exists (select 1 from pg_roles where rolname = '${TEST_APP_LOGIN.user}') then
               create role ${TEST_APP_LOGIN.user} login password '${TEST_APP_LOGIN.password}' in role zhengling_app;
             end if;
           exception when duplicate_object or unique_violation then null;
           end $$`,
        )
        .execute(owner.db)
      return
    } catch (error) {
      if (attempt >= 5) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)))
    }
  }
}
