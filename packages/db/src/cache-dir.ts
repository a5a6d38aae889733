import { join } from 'node:path'

/**
 * Where derived, rebuildable files are kept (database templates, the parsed rulebook library):
 * ZHENGLING_CACHE_DIR, else node_modules/.cache/zhengling under the repository root. Anything in
 * it may be deleted at any time; it is rebuilt on the next start or test run (ADR 0028).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.ZHENGLING_CACHE_DIR ??
    join(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache', 'zhengling')
  )
}
