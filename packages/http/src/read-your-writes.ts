import { readRoutingOf, readsFromStandby } from '@zhengling/db'
import type { FastifyInstance, RouteHandlerMethod } from 'fastify'

/** The cookie carrying the primary's WAL position after the browser's last write. */
export const WRITTEN_COOKIE = 'zl_written'

/**
 * The pages a hot standby may answer (ADR 0029): dashboards, registers, search, the workbench and
 * the lists behind them. Everything else (sign-in, acts, a document's own page before acting on
 * it, downloads, the live stream) stays on the primary.
 */
export const STANDBY_READS: ReadonlySet<string> = new Set([
  '/api/documents',
  '/api/documents/register',
  '/api/documents/register.xlsx',
  '/api/inbox',
  '/api/meetings',
  '/api/supervision/dashboard',
  '/api/supervision/items',
  '/api/supervision/items.xlsx',
  '/api/supervision/circulars',
  '/api/workbench',
  '/api/workbench/counts',
])

/**
 * Reads on the standby with read-your-writes, when the database handle has a standby
 * (DATABASE_READ_URL): after any request that may write (not GET/HEAD), the answer sets a cookie
 * with the primary's WAL position; the pages in STANDBY_READS read from the standby only once it
 * has replayed that far, else from the primary. The session's own checks (the preHandler) always
 * read the primary. Register before the routes (it wraps their handlers as they are added).
 */
export function registerReadYourWrites(
  app: FastifyInstance,
  db: object,
  options: { secureCookies: boolean },
): void {
  const routing = readRoutingOf(db)
  if (!routing) return
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat()
    if (!methods.includes('GET') || !STANDBY_READS.has(route.url)) return
    const handler = route.handler as RouteHandlerMethod
    route.handler = function (this: FastifyInstance, request, reply) {
      const written = (request.cookies as Record<string, string | undefined> | undefined)?.[
        WRITTEN_COOKIE
      ]
      return readsFromStandby(written, () => handler.call(this, request, reply))
    } as RouteHandlerMethod
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS')
      return payload
    // Written or not (a refusal may still have counted a failed sign-in): the position now.
    const lsn = await routing.primaryLsn()
    // Fastify adds a set-cookie header to those already set (the session's, on sign-in).
    reply.header(
      'set-cookie',
      `${WRITTEN_COOKIE}=${lsn}; Path=/api; HttpOnly; SameSite=Strict${options.secureCookies ? '; Secure' : ''}`,
    )
    return payload
  })
}
