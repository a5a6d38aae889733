import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect.ts'
import type { Database } from './schema.ts'
import { countingDialect, registerCounting } from './statement-counter.ts'
import { readRoutingDialect, registerReadRouting } from './read-routing.ts'

export interface DatabaseHandle {
  db: Kysely<Database>
  /** 'embedded' is PGlite in a folder (or in memory); 'server' is a PostgreSQL server. */
  kind: 'embedded' | 'server'
  /** The server's connection string, for a second pool (another replica) in tests. */
  url?: string
  /** Embedded only: the data dir as a gzipped tarball, to keep as a template (pglite-template.ts). */
  snapshot?(): Promise<Blob>
  close(): Promise<void>
}

/**
 * A PostgreSQL server when `url` is given (DATABASE_URL), else embedded PGlite: in `dataDir`
 * when given, in memory otherwise (tests). The same migrations and queries serve both.
 * Either handle can count its statements (`countStatements(db)`, statement-counter.ts).
 * With `readUrl` (a hot standby of `url`) the reads `readsFromStandby` allows go to the standby
 * while it is at most `readMaxLagMs` (1 s) behind the primary.
 * Embedded, `template` (a data dir tarball, pglite-template.ts) starts a database that does not
 * exist yet from a copy instead of running initdb; an existing `dataDir` ignores it.
 */
export async function openDatabase(
  options: {
    url?: string
    readUrl?: string
    readMaxLagMs?: number
    dataDir?: string
    template?: Blob
  } = {},
): Promise<DatabaseHandle> {
  if (options.url) {
    // Dates stay 'YYYY-MM-DD' strings: a civil date must not pass through a host time zone.
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 1082 ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text'),
    }
    const poolOf = (connectionString: string) =>
      new PostgresDialect({
        pool: new pg.Pool({ connectionString, types: types as pg.CustomTypesConfig }),
      })
    // With a hot standby (readUrl): the reads readsFromStandby allows go there (ADR 0029).
    const routing = options.readUrl
      ? readRoutingDialect(poolOf(options.url), poolOf(options.readUrl), {
          maxLagMs: options.readMaxLagMs,
        })
      : undefined
    const dialect = countingDialect(routing ?? poolOf(options.url))
    const db = registerCounting(new Kysely<Database>({ dialect }), dialect)
    if (routing) registerReadRouting(db, routing)
    return { db, kind: 'server', url: options.url, close: () => db.destroy() }
  }
  // A fresh clone has no .data/ yet; PGlite creates only the last folder of the path.
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const fresh = !options.dataDir || !existsSync(join(options.dataDir, 'PG_VERSION'))
  // One options object: PGlite ignores the second argument when the first is not a path.
  const pglite = new PGlite({
    dataDir: options.dataDir,
    ...(fresh && options.template ? { loadDataDir: options.template } : {}),
  })
  const dialect = countingDialect(new PGliteDialect(pglite))
  const db = registerCounting(new Kysely<Database>({ dialect }), dialect)
  return {
    db,
    kind: 'embedded',
    snapshot: async () => {
      // Every page in the data files, so a copy starts without replaying the log.
      await pglite.exec('checkpoint')
      return pglite.dumpDataDir('gzip')
    },
    close: () => db.destroy(),
  }
}
