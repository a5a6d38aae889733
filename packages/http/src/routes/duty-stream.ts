import { type DutyEventView, dutyStreamAudience } from '@zhengling/app'
import { createRepositories, latestDutyEventId } from '@zhengling/db'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession, sessionOf } from '../auth.ts'
import { createRulesPort } from '../rules-port.ts'
import { dutyStreamEvent } from './duty-stream.contract.ts'
import { latestWatcher, type NotificationRouteOptions } from './notifications.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 值班台的实时推送 (issue 16): Server-Sent Events of the duty feed — a new incident or opinion, a
 * report received, a deadline passed — for the signed-in person as far as they may see them.
 * As the notifications' stream: one cheap query for the newest position per beat per process
 * (no LISTEN: PgBouncer in transaction mode), and only when it moved, each stream reads its own.
 */
export function dutyStreamRoutes(
  deps: SessionRouteDeps & {
    library: RulebookLibrary
    notifications?: Pick<NotificationRouteOptions, 'streamPollMs' | 'streamMaxMs'>
  },
): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const reads = { rules: createRulesPort(deps.library), now: deps.now }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const watch = latestWatcher(
    () => latestDutyEventId(deps.db),
    deps.notifications?.streamPollMs ?? 2000,
  )

  return async (app) => {
    const streams = new Set<{ end(): void }>()
    app.addHook('preClose', async () => {
      watch.stop()
      for (const stream of streams) stream.end()
    })

    app.get(
      '/api/duty/stream',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '值班台实时推送（Server-Sent Events）：事件 ready（服务器时间）与 duty（新报突发事件、新舆情、收到报告、超过时限），只含本人可见的',
          description: `duty 事件的 data：${JSON.stringify(Object.keys(dutyStreamEvent.shape))}`,
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        // Refusals (an administrator, 三员分立) answer before the stream opens.
        let audience = await dutyStreamAudience(repositories, reads, session)
        let cursor = await repositories.dutyEvents.latest(audience)
        // A page that reconnects gets what happened while it was away (Last-Event-ID).
        const lastEventId = Number(request.headers['last-event-id'])
        if (Number.isInteger(lastEventId) && lastEventId > 0 && lastEventId < cursor)
          cursor = lastEventId
        reply.hijack()
        const out = reply.raw
        out.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        })
        out.write(
          `retry: 3000\n\nevent: ready\ndata: ${JSON.stringify({ serverNow: deps.now().toISOString() })}\n\n`,
        )
        let busy = false
        const push = async () => {
          if (busy) return
          busy = true
          try {
            audience = await dutyStreamAudience(repositories, reads, session)
            const fresh = await repositories.dutyEvents.since(audience, cursor, 100)
            for (const item of fresh) {
              cursor = Math.max(cursor, item.id)
              out.write(event(item, deps.now()))
            }
          } catch (error) {
            request.log.warn({ err: error }, '值班台推送查询失败')
          } finally {
            busy = false
          }
        }
        const unsubscribe = watch.subscribe(() => void push())
        const heartbeat = setInterval(() => out.write(': ping\n\n'), 20_000)
        const limit = setTimeout(() => out.end(), deps.notifications?.streamMaxMs ?? 10 * 60_000)
        streams.add(out)
        request.raw.on('close', () => {
          streams.delete(out)
          unsubscribe()
          clearInterval(heartbeat)
          clearTimeout(limit)
        })
      },
    )
  }
}

function event(item: DutyEventView, now: Date): string {
  const data = dutyStreamEvent.parse({
    type: item.type,
    subject: item.subject,
    id: item.subjectId,
    at: item.at,
    serverNow: now.toISOString(),
  })
  return `id: ${item.id}\nevent: duty\ndata: ${JSON.stringify(data)}\n\n`
}
