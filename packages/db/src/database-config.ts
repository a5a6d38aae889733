/**
 * Where the database is: DATABASE_URL names a PostgreSQL server; without it, the embedded
 * database lives in ZHENGLING_DATA_DIR (default `.data/pglite` under the working directory).
 */
export function databaseConfig(env: NodeJS.ProcessEnv = process.env): {
  url?: string
  dataDir?: string
} {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL }
  return { dataDir: env.ZHENGLING_DATA_DIR ?? '.data/pglite' }
}
