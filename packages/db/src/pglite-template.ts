import { createHash, randomUUID } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheDir } from './cache-dir.ts'
import { MIGRATIONS_DIR, migrate } from './migrate.ts'
import { type DatabaseHandle, openDatabase } from './open-database.ts'

/**
 * Pre-initialised embedded databases (ADR 0028). PGlite's initdb takes seconds and migrating
 * another one or two; a data dir saved once as a tarball starts a new database in a fraction of
 * that. A template is named by what made it — `family` (what kind: migrated, seeded) and
 * `version` (a hash of its inputs) — and kept in the cache dir; a template of the same family
 * with another version is stale and removed when the new one is written.
 */
export interface TemplateName {
  family: string
  version: string
  /** One of several templates of the same version (e.g. which demo seed, on which day). */
  variant?: string
}

let pgliteVersion: string | undefined
/** The installed PGlite's version: its data dir format is part of every template's key. */
function installedPgliteVersion(): string {
  if (!pgliteVersion) {
    const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'))
    const manifest = join(dirname(entry), '..', 'package.json')
    pgliteVersion = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  }
  return pgliteVersion
}

/** The migrations' names and texts with PGlite's version, hashed: the migrated template's version. */
export function migrationsVersion(dir: string = MIGRATIONS_DIR): string {
  const hash = createHash('sha256').update(installedPgliteVersion())
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort())
    hash.update(`\0${name}\0`).update(readFileSync(join(dir, name)))
  return hash.digest('hex').slice(0, 16)
}

function fileOf(name: TemplateName, dir: string): string {
  return join(
    dir,
    `pglite-${name.family}-${name.version}${name.variant ? `-${name.variant}` : ''}.tar.gz`,
  )
}

/** The template from the cache, or undefined when it has not been made (or was removed). */
export function readTemplate(name: TemplateName, dir: string = cacheDir()): Blob | undefined {
  try {
    return new Blob([readFileSync(fileOf(name, dir))])
  } catch {
    return undefined
  }
}

/**
 * Keeps an embedded database's data dir as the template `name`, whole or not at all (written
 * aside, then renamed), and removes the family's templates of other versions. A cache that cannot
 * be written only makes the next start slower: failures are swallowed.
 */
export async function writeTemplate(
  handle: DatabaseHandle,
  name: TemplateName,
  dir: string = cacheDir(),
): Promise<void> {
  if (!handle.snapshot) return
  try {
    const tarball = new Uint8Array(await (await handle.snapshot()).arrayBuffer())
    mkdirSync(dir, { recursive: true })
    const file = fileOf(name, dir)
    const aside = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`
    writeFileSync(aside, tarball)
    renameSync(aside, file)
    const family = `pglite-${name.family}-`
    const current = `${family}${name.version}`
    for (const other of readdirSync(dir))
      if (other.startsWith(family) && !other.startsWith(current) && !other.endsWith('.lock'))
        rmSync(join(dir, other), { force: true })
  } catch {
    // Not cached: the next database is built again.
  }
}

/**
 * An embedded database started from the template `name`; when there is none yet, `build` makes
 * the database (the slow way) and it is kept as the template for the next one. Processes starting
 * together (test files run in parallel) build it once: the others wait for it (a lock file holding
 * the builder's pid; a lock whose builder is gone is taken over).
 */
export async function openFromTemplate(
  name: TemplateName,
  build: () => Promise<DatabaseHandle>,
  options: { dataDir?: string; cacheDir?: string } = {},
): Promise<DatabaseHandle> {
  const dir = options.cacheDir ?? cacheDir()
  const cached = () => readTemplate(name, dir)
  const open = (template: Blob) => openDatabase({ dataDir: options.dataDir, template })
  const ready = cached()
  if (ready) return open(ready)
  const lock = `${fileOf(name, dir)}.lock`
  const locked = await takeLock(lock, cached)
  if (locked instanceof Blob) return open(locked)
  try {
    const built = cached()
    if (built) return await open(built)
    const handle = await build()
    await writeTemplate(handle, name, dir)
    return handle
  } finally {
    if (locked) rmSync(lock, { force: true })
  }
}

/**
 * Takes the lock file (true), or answers the template another process built meanwhile; false when
 * no lock can be had at all (a cache dir that cannot be written): build without one.
 */
async function takeLock(lock: string, cached: () => Blob | undefined): Promise<boolean | Blob> {
  try {
    mkdirSync(dirname(lock), { recursive: true })
  } catch {
    return false
  }
  for (;;) {
    try {
      const fd = openSync(lock, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      return true
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') return false
    }
    const template = cached()
    if (template) return template
    if (abandoned(lock)) rmSync(lock, { force: true })
    else await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** A lock whose builder has exited, or older than any build takes even on a loaded machine. */
function abandoned(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'))
    if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) return true
    if (!pid) return false // being written this instant
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH'
  }
}

/**
 * The embedded database in `dataDir` (or in memory), migrated: a database that does not exist yet
 * starts from the migrated template (built, and kept, by the first start that lacks it); an
 * existing one is migrated as it is.
 */
export async function openMigratedEmbedded(
  options: { dataDir?: string; cacheDir?: string } = {},
): Promise<DatabaseHandle> {
  if (options.dataDir && existsSync(join(options.dataDir, 'PG_VERSION'))) {
    // Someone's data: migrated where it lies, and never made a template of.
    const existing = await openDatabase({ dataDir: options.dataDir })
    await migrate(existing.db)
    return existing
  }
  const handle = await openFromTemplate(
    { family: 'migrated', version: migrationsVersion() },
    async () => {
      const built = await openDatabase({ dataDir: options.dataDir })
      await migrate(built.db)
      return built
    },
    options,
  )
  // A template of the same migrations: nothing pending, one query to be sure.
  await migrate(handle.db)
  return handle
}
