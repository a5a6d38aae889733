import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { sql } from 'kysely'
import { MIGRATIONS_DIR } from './migrate.ts'
import { type DatabaseHandle, openDatabase } from './open-database.ts'
import {
  migrationsVersion,
  openFromTemplate,
  openMigratedEmbedded,
  type TemplateName,
} from './pglite-template.ts'

// Issue 14 part 5 (ADR 0028): embedded databases start from a kept data dir, not from initdb.
describe('embedded database templates', () => {
  const work = mkdtempSync(join(tmpdir(), 'zhengling-templates-'))
  const cacheDir = join(work, 'cache')
  const opened: DatabaseHandle[] = []
  after(async () => {
    for (const handle of opened) await handle.close()
    rmSync(work, { recursive: true, force: true })
  })
  const keep = (handle: DatabaseHandle) => (opened.push(handle), handle)
  const kept = () => readdirSync(cacheDir).filter((name) => name.endsWith('.tar.gz'))
  const marks = async (handle: DatabaseHandle) =>
    (await sql<{ mark: string }>`select mark from marks order by mark`.execute(handle.db)).rows.map(
      (row) => row.mark,
    )
  // One initdb for the whole file: every "slow build" below starts from a copy of it.
  let empty: Blob | undefined
  const marked = (mark: string) => async () => {
    if (!empty) {
      const first = await openDatabase()
      empty = await first.snapshot?.()
      await first.close()
    }
    const handle = keep(await openDatabase({ template: empty }))
    await sql`create table marks (mark text)`.execute(handle.db)
    await sql`insert into marks values (${mark})`.execute(handle.db)
    return handle
  }
  const refuse = async (): Promise<DatabaseHandle> => {
    throw new Error('built again although the template is kept')
  }

  it('builds once, then every database starts as a copy of what was built, each its own', async () => {
    const name: TemplateName = { family: 'test', version: 'v1' }
    const first = await openFromTemplate(name, marked('built'), { cacheDir })
    assert.deepEqual(kept(), ['pglite-test-v1.tar.gz'])
    const copy = keep(await openFromTemplate(name, refuse, { cacheDir }))
    const other = keep(await openFromTemplate(name, refuse, { cacheDir }))
    assert.deepEqual(await marks(copy), ['built'])
    await sql`insert into marks values ('only in the copy')`.execute(copy.db)
    assert.deepEqual(await marks(other), ['built'])
    assert.deepEqual(await marks(first), ['built'])
  })

  it('keeps one version per family: a new version removes the old, other families stay', async () => {
    await openFromTemplate({ family: 'test', version: 'v2' }, marked('second'), { cacheDir })
    await openFromTemplate({ family: 'other', version: 'v1' }, marked('other'), { cacheDir })
    assert.deepEqual(kept().sort(), ['pglite-other-v1.tar.gz', 'pglite-test-v2.tar.gz'])
    const copy = keep(
      await openFromTemplate({ family: 'test', version: 'v2' }, refuse, { cacheDir }),
    )
    assert.deepEqual(await marks(copy), ['second'])
  })

  it('variants of one version are kept side by side', async () => {
    const variant = (v: string): TemplateName => ({ family: 'seeded', version: 'v1', variant: v })
    await openFromTemplate(variant('a'), marked('a'), { cacheDir })
    await openFromTemplate(variant('b'), marked('b'), { cacheDir })
    const a = keep(await openFromTemplate(variant('a'), refuse, { cacheDir }))
    const b = keep(await openFromTemplate(variant('b'), refuse, { cacheDir }))
    assert.deepEqual([await marks(a), await marks(b)], [['a'], ['b']])
  })

  it('builds once when several start together, the others waiting for it', async () => {
    let builds = 0
    const name: TemplateName = { family: 'together', version: 'v1' }
    const build = async () => {
      builds += 1
      return marked('together')()
    }
    const all = await Promise.all([1, 2, 3].map(() => openFromTemplate(name, build, { cacheDir })))
    all.forEach(keep)
    assert.equal(builds, 1)
    for (const handle of all) assert.deepEqual(await marks(handle), ['together'])
    assert.equal(existsSync(join(cacheDir, 'pglite-together-v1.tar.gz.lock')), false)
  })

  it('a new data dir starts migrated from the template; an existing one is never made a template', async () => {
    const cache = join(work, 'migrated-cache')
    const dataDir = join(work, 'data', 'first')
    const built = await openMigratedEmbedded({ dataDir, cacheDir: cache })
    const template = `pglite-migrated-${migrationsVersion()}.tar.gz`
    assert.deepEqual(readdirSync(cache), [template])
    const migrations = readdirSync(MIGRATIONS_DIR).filter((file) => file.endsWith('.sql')).length
    const applied = async (handle: DatabaseHandle) =>
      (await handle.db.selectFrom('schema_migrations').select('name').execute()).length
    assert.equal(await applied(built), migrations)
    // Someone's data in the first data dir; the template does not get it.
    await sql`create table private_notes (note text)`.execute(built.db)
    await built.close()
    const reopened = keep(await openMigratedEmbedded({ dataDir, cacheDir: cache }))
    assert.ok((await sql`select 1 from private_notes`.execute(reopened.db)).rows)
    const second = keep(
      await openMigratedEmbedded({ dataDir: join(work, 'data', 'second'), cacheDir: cache }),
    )
    assert.ok(existsSync(join(work, 'data', 'second', 'PG_VERSION')))
    assert.equal(await applied(second), migrations)
    const inMemory = keep(await openMigratedEmbedded({ cacheDir: cache }))
    assert.equal(await applied(inMemory), migrations)
    for (const handle of [second, inMemory])
      assert.equal(
        (
          await sql<{
            table: string | null
          }>`select to_regclass('private_notes')::text as table`.execute(handle.db)
        ).rows[0]?.table,
        null,
      )
    assert.deepEqual(readdirSync(cache), [template])
  })
})
