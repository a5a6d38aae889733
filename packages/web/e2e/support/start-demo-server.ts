import { createScryptHasher, type NotificationChannel, sm3Hasher } from '@zhengling/app'
import {
  absenceTimerHandlers,
  dutyRosterTimerHandlers,
  incidentTimerHandlers,
  documentTimerHandlers,
  notificationDeliveryHandlers,
  opinionTimerHandlers,
  runDueJobs,
  runSupervisionScan,
  seedDemo,
} from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { buildServer, createRulesPort } from '@zhengling/http'
import { TEST_SECOND_FACTOR } from '@zhengling/http/test-authenticator'
import { randomUUID } from 'node:crypto'
import { loadLibrary } from '@zhengling/rulebooks'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The built web app; ZHENGLING_WEB_ROOT names another build (vite build --outDir), which a
 * rebuild of dist/ by someone else on the same machine cannot swap out during a run. */
const WEB_ROOT = process.env.ZHENGLING_WEB_ROOT ?? join(import.meta.dirname, '..', '..', 'dist')

/**
 * The real server on a port of its own, over a fresh migrated database seeded with the demo
 * jurisdictions (钟山区, 托克逊县, 木里县, 延津县, 二连浩特市), serving the built web app. Nothing is mocked: the browser talks to what production runs.
 * `scanLedger()` runs the supervision ledger's reminder scan now, as the server's timer worker
 * does on its tick, so a test that moves the clock need not wait for one.
 * `channels` are the outside notification channels (e.g. smtpChannel to a test's mail sink); the
 * settings page offers them. `runJobs()` fires the due durable jobs now — 催办 timers and the
 * notification deliveries — as the server's timer worker does on its tick.
 */
export async function startDemoServer(
  options: { now?: () => Date; channels?: NotificationChannel[] } = {},
) {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`没有构建好的网页：${WEB_ROOT}（先运行 npm run build:web）`)
  const now = options.now ?? (() => new Date())
  const handle = await openTestDatabase()
  // A low scrypt cost keeps sign-ins fast in tests; production uses the default.
  const passwords = createScryptHasher(2 ** 12)
  const library = loadLibrary()
  // Given the rules, the seed adds each county's demo duty (units, a published roster around the
  // seed day, demo incidents): the 值班台 has a 带班领导 on call, as in the demo (issue 16).
  await seedDemo(handle.db, { now, passwords, rules: createRulesPort(library) })
  const app = await buildServer({
    library,
    webRoot: WEB_ROOT,
    sessions: {
      db: handle.db,
      passwords,
      hasher: sm3Hasher,
      now,
      secureCookies: true,
      // The test authenticator: the administrators' TOTP codes are computed (ADR 0022).
      secondFactor: TEST_SECOND_FACTOR,
    },
    // Live messages: the stream looks for new ones often, so a walk need not wait.
    notifications: {
      availableChannels: (options.channels ?? []).map((channel) => channel.name),
      streamPollMs: 300,
    },
  })
  const rules = createRulesPort(library)
  const deliveries = notificationDeliveryHandlers({ channels: options.channels ?? [], now })
  const handlers = {
    ...documentTimerHandlers({ hasher: sm3Hasher, now, newId: randomUUID, rules }),
    ...absenceTimerHandlers({ now, rules }),
    ...dutyRosterTimerHandlers({ now, rules }),
    ...incidentTimerHandlers({ now, rules, newId: randomUUID, hasher: sm3Hasher }),
    ...opinionTimerHandlers({ now, rules, hasher: sm3Hasher }),
    ...deliveries.handlers,
  }
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('server has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    db: handle.db,
    runJobs: () => runDueJobs(handle.db, { handlers, now, onFailure: deliveries.onFailure }),
    scanLedger: () =>
      runSupervisionScan(
        handle.db,
        { hasher: sm3Hasher, now, rules: createRulesPort(library) },
        500,
      ),
    async close() {
      await app.close()
      await handle.close()
    },
  }
}
