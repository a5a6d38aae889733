import { createHash, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import { migrate } from '../migrate.ts'
import { type DatabaseHandle, openDatabase } from '../open-database.ts'
import { migrationsVersion, openFromTemplate, openMigratedEmbedded } from '../pglite-template.ts'
import type { Database } from '../schema.ts'

/** The login role tests connect as: a member of the application role, with its rights only. */
export const TEST_APP_LOGIN = { user: 'zhengling_test_app', password: 'zhengling_test_app' }

/**
 * What a test file's database starts with beyond the migrations: `key` names everything the rows
 * depend on besides the code (which jurisdictions, on which day, with which password hasher);
 * `run` puts them in.
 */
export interface TestSeed {
  key: string
  run(db: Kysely<Database>): Promise<void>
}

/**
 * A migrated database of its own for one test file: embedded PGlite in memory by default; with
 * ZHENGLING_TEST_DATABASE_URL, a fresh database on that PostgreSQL server, dropped on close.
 * The same tests thereby run on both engines (`npm run test:postgres`).
 *
 * Neither engine migrates per file (ADR 0028): embedded, the database is loaded from a migrated
 * template kept in the cache dir (built by the first file that lacks it); on the server it is
 * created from a migrated template database. With `seed`, embedded, the seeded database is itself
 * kept as a template, named by the seed's key and a hash of the code and demo data that make the
 * rows, so a test run seeds each kind once; on the server the seed runs per file.
 *
 * On the server, the database is created and migrated as the owner (the URL's user), and the
 * handle connects as the application role (docs/decisions/0020), as the server runs: a test
 * that needs the owner (creating a table of its own, or tampering as an attacker with a
 * superuser would) asks for `{ role: 'owner' }`; `owner` is then also given alongside. Embedded,
 * there is one connection and it is the owner.
 */
export async function openTestDatabase(
  options: { role?: 'app' | 'owner'; seed?: TestSeed } = {},
): Promise<DatabaseHandle & { owner: DatabaseHandle['db'] }> {
  const serverUrl = process.env.ZHENGLING_TEST_DATABASE_URL
  if (!serverUrl) {
    const seed = options.seed
    const handle = seed
      ? await openFromTemplate(
          {
            family: 'seeded',
            version: seededVersion(),
            variant: createHash('sha256').update(seed.key).digest('hex').slice(0, 16),
          },
          async () => {
            const seeded = await openMigratedEmbedded()
            await seed.run(seeded.db)
            return seeded
          },
        )
      : await openMigratedEmbedded()
    return { ...handle, owner: handle.db }
  }
  const name = `zhengling_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = await openDatabase({ url: serverUrl })
  await createFromTemplate(admin, serverUrl, name)
  const ownerUrl = new URL(serverUrl)
  ownerUrl.pathname = `/${name}`
  const owner = await openDatabase({ url: ownerUrl.toString() })
  await ensureTestLogin(owner)
  const appUrl = new URL(ownerUrl)
  appUrl.username = TEST_APP_LOGIN.user
  appUrl.password = TEST_APP_LOGIN.password
  const handle = options.role === 'owner' ? owner : await openDatabase({ url: appUrl.toString() })
  if (options.seed) await options.seed.run(handle.db)
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

/** The repository root: the seeded templates' version hashes what lies under it that makes rows. */
const ROOT = join(import.meta.dirname, '..', '..', '..', '..')
/**
 * Everything a seed's rows can depend on: the migrations, the demo rosters, and the code of the
 * rules core, the application, the database layer and the http test support (tests excluded).
 */
const SEED_INPUTS = [
  'packages/db/migrations',
  'packages/db/demo',
  'packages/rules/src',
  'packages/app/src',
  'packages/db/src',
  'packages/http/src/test-support',
]

let seeded: string | undefined
/** The seeded templates' version: a hash of SEED_INPUTS' files (names and contents). */
function seededVersion(): string {
  if (seeded) return seeded
  const hash = createHash('sha256').update(migrationsVersion())
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) visit(path)
      else if (!entry.name.endsWith('.test.ts'))
        hash.update(`\0${path}\0`).update(readFileSync(join(ROOT, path)))
    }
  }
  for (const dir of SEED_INPUTS) visit(dir)
  seeded = hash.digest('hex').slice(0, 16)
  return seeded
}

/**
 * Creates the database `name` as a copy of the server's migrated template database (made once per
 * set of migrations, under an advisory lock so test files starting together make it once), which
 * is what migrating it would have given: `create database … template` copies tables, grants and
 * rows; the roles are the server's. Templates of other migrations are left in place (another run
 * may be copying one): `zhengling_template_*` databases may be dropped at any time, and are made
 * again when needed.
 */
async function createFromTemplate(admin: DatabaseHandle, serverUrl: string, name: string) {
  const template = `zhengling_template_${migrationsVersion()}`
  for (let attempt = 0; ; attempt += 1) {
    await ensureServerTemplate(admin, serverUrl, template)
    try {
      await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin.db)
      return
    } catch (error) {
      // 3D000: the template was dropped; 55006: someone is connected to it this instant.
      const code = (error as { code?: string }).code
      if (attempt >= 5 || (code !== '3D000' && code !== '55006')) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)))
    }
  }
}

async function ensureServerTemplate(admin: DatabaseHandle, serverUrl: string, template: string) {
  const exists = async () =>
    (
      await sql<{
        found: boolean
      }>`select exists (select 1 from pg_database where datname = ${template}) as found`.execute(
        admin.db,
      )
    ).rows[0]?.found === true
  if (await exists()) return
  await admin.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${template}))`.execute(connection)
    try {
      if (await exists()) return
      // Made under another name and renamed when whole: a half-made template is never copied.
      const building = `${template}_building`
      await sql`drop database if exists ${sql.id(building)}`.execute(connection)
      await sql`create database ${sql.id(building)}`.execute(connection)
      const url = new URL(serverUrl)
      url.pathname = `/${building}`
      const owner = await openDatabase({ url: url.toString() })
      try {
        await migrate(owner.db)
      } finally {
        await owner.close()
      }
      await sql`alter database ${sql.id(building)} rename to ${sql.id(template)}`.execute(
        connection,
      )
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${template}))`.execute(connection)
    }
  })
}
