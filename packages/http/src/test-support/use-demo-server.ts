import { after, before } from 'node:test'
import { type DatabaseHandle, type DemoJurisdiction, seedDemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
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
    server.handle = await openTestDatabase()
    await seedDemoJurisdiction(server.handle.db, {
      now: () => options.startsAt,
      passwords: TEST_PASSWORDS,
      jurisdiction: options.jurisdiction,
    })
    server.app = await buildTestServer(server.handle, () => server.clock)
  })
  after(async () => {
    await server.app?.close()
    await server.handle?.close()
  })
  return server
}
