import { after, before } from 'node:test'
import {
  type DatabaseHandle,
  type DemoJurisdiction,
  seedDemo,
  seedDemoJurisdiction,
} from '@zhengling/db'
import { openTestDatabase, type TestSeed } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './build-test-server.ts'

export interface DemoServer {
  /** The server's clock: a test moves it to make periods run. */
  clock: Date
  handle: DatabaseHandle
  app: FastifyInstance
}

/**
 * For one test file: a fresh database seeded with a demo jurisdiction on `startsAt`, and the full
 * server on a clock the test sets (`server.clock = …`). Opened before the file's tests, closed after.
 */
export function useDemoServer(options: {
  startsAt: Date
  jurisdiction?: DemoJurisdiction
}): DemoServer {
  const server = { clock: options.startsAt } as DemoServer
  before(async () => {
    server.handle = await openTestDatabase({
      seed: demoSeed(options.startsAt, options.jurisdiction),
    })
    server.app = await buildTestServer(server.handle, () => server.clock)
  })
  after(async () => {
    await server.app?.close()
    await server.handle?.close()
  })
  return server
}

/**
 * One demo jurisdiction (or, with 'all', every one, as seedDemo) seeded on `on` with the tests'
 * password hasher: embedded, the seeded database is kept as a template, so the files seeding the
 * same on the same day share one seeding per test run (openTestDatabase, ADR 0028).
 */
export function demoSeed(on: Date, jurisdiction: DemoJurisdiction | 'all' = 'zhongshan'): TestSeed {
  return {
    key: `demo ${jurisdiction} on ${on.toISOString()} with TEST_PASSWORDS`,
    run: async (db) => {
      const options = { now: () => on, passwords: TEST_PASSWORDS }
      if (jurisdiction === 'all') await seedDemo(db, options)
      else await seedDemoJurisdiction(db, { ...options, jurisdiction })
    },
  }
}
