import { createScryptHasher, type PasswordHasher, sm3Hasher } from '@zhengling/app'
import { cacheDir, type DatabaseHandle } from '@zhengling/db'
import { loadCachedLibrary, type RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../build-server.ts'
import { TEST_SECOND_FACTOR } from './test-authenticator.ts'

/** A low scrypt cost keeps sign-ins fast in tests; production uses the default. */
export const TEST_PASSWORDS: PasswordHasher = createScryptHasher(2 ** 12)

let library: RulebookLibrary | undefined

/** The rulebook library, loaded once per test process (parsed once per change: ADR 0028). */
export function testLibrary(): RulebookLibrary {
  library ??= loadCachedLibrary({ cacheDir: cacheDir() })
  return library
}

/** The full server (sessions and all routes) over a test database, with a clock the test moves. */
export function buildTestServer(handle: DatabaseHandle, now: () => Date): Promise<FastifyInstance> {
  return buildServer({
    library: testLibrary(),
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now,
      secureCookies: true,
      secondFactor: TEST_SECOND_FACTOR,
    },
  })
}
