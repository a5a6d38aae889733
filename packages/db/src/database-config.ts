/**
 * Where the database is: DATABASE_URL names a PostgreSQL server; without it, the embedded
 * database lives in ZHENGLING_DATA_DIR (default `.data/pglite` under the working directory).
 * DATABASE_READ_URL, beside DATABASE_URL, names a hot standby of that server for the pages that
 * may read there (ADR 0029).
 */
export function databaseConfig(env: NodeJS.ProcessEnv = process.env): {
  url?: string
  readUrl?: string
  dataDir?: string
} {
  if (env.DATABASE_URL)
    return env.DATABASE_READ_URL
      ? { url: env.DATABASE_URL, readUrl: env.DATABASE_READ_URL }
      : { url: env.DATABASE_URL }
  return { dataDir: env.ZHENGLING_DATA_DIR ?? '.data/pglite' }
}
