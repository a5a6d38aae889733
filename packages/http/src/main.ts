import { loadLibrary } from '@zhengling/rulebooks'
import { buildServer } from './build-server.ts'

/**
 * `npm run serve`: the HTTP API on HOST:PORT (default 127.0.0.1:3000), structured logs (pino)
 * at LOG_LEVEL (default info). Rulebooks are read once at start.
 */
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const app = await buildServer({
  library: loadLibrary(),
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
})
await app.listen({ port, host })
