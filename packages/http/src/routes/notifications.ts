import {
  listNotifications,
  markNotificationsRead,
  type NotificationAudience,
  notificationAudience,
  type NotificationView,
  type OutboundChannelName,
  setNotificationPreferences,
  viewNotificationPreferences,
} from '@zhengling/app'
import { createInTransaction, createRepositories, latestNotificationSeq } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import {
  markReadBody,
  markReadResult,
  notificationList,
  notificationListQuery,
  preferencesBody,
  preferencesView,
  unreadCount,
} from './notifications.contract.ts'
import type { SessionRouteDeps } from './session.ts'

export interface NotificationRouteOptions {
  /** The outside channels the deployment configured (the settings page offers only these). */
  availableChannels: readonly OutboundChannelName[]
  /** How often an open stream's process looks for new messages (several replicas share one database). */
  streamPollMs?: number
  /** A stream is closed after this long; the browser reconnects and the session is checked again. */
  streamMaxMs?: number
}

const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 422: errorBody }

/**
 * 消息中心: list, unread count, mark read, the person's channels, and the live stream
 * (Server-Sent Events). Every replica serves streams from the shared table: one cheap query for
 * the newest position per beat, and only when it moved, each stream reads its own new messages.
 */
export function notificationRoutes(
  deps: SessionRouteDeps & { notifications?: NotificationRouteOptions },
): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const options = deps.notifications ?? { availableChannels: [] }
  const commands = {
    inTransaction: createInTransaction(deps.db),
    now: deps.now,
    hasher: deps.hasher,
    availableChannels: options.availableChannels,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const watch = latestWatcher(() => latestNotificationSeq(deps.db), options.streamPollMs ?? 2000)

  return async (app) => {
    // Open streams end before the server closes, or closing would wait on them.
    const streams = new Set<{ end(): void }>()
    app.addHook('preClose', async () => {
      watch.stop()
      for (const stream of streams) stream.end()
    })

    app.get(
      '/api/notifications',
      {
        preHandler: signedIn,
        schema: {
          summary: '消息中心：本人（含所任及代理职务、所在单位）的消息，新的在前，附未读数',
          querystring: notificationListQuery,
          response: { 200: notificationList, ...refusals },
        },
      },
      async (request) =>
        listNotifications(repositories, deps, sessionOf(request), {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit,
        }),
    )

    app.get(
      '/api/notifications/unread-count',
      {
        preHandler: signedIn,
        schema: { summary: '未读消息数', response: { 200: unreadCount, ...refusals } },
      },
      async (request) => {
        const { unread } = await listNotifications(repositories, deps, sessionOf(request), {
          limit: 1,
        })
        return { unread }
      },
    )

    app.post(
      '/api/notifications/read',
      {
        preHandler: signedIn,
        schema: {
          summary: '标为已读：所选消息或全部',
          body: markReadBody,
          response: { 200: markReadResult, ...refusals },
        },
      },
      async (request) => markNotificationsRead(commands, sessionOf(request), request.body),
    )

    app.get(
      '/api/notifications/preferences',
      {
        preHandler: signedIn,
        schema: {
          summary: '接收设置：站内消息之外的邮件、消息网关',
          response: { 200: preferencesView, ...refusals },
        },
      },
      async (request) => viewNotificationPreferences(repositories, commands, sessionOf(request)),
    )

    app.put(
      '/api/notifications/preferences',
      {
        preHandler: signedIn,
        schema: {
          summary: '保存接收设置（记入审计）',
          body: preferencesBody,
          response: { 200: preferencesView, ...refusals },
        },
      },
      async (request) => ({
        ...(await setNotificationPreferences(commands, sessionOf(request), request.body)),
        available: [...options.availableChannels],
      }),
    )

    app.get(
      '/api/notifications/stream',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '实时消息推送（Server-Sent Events）：事件 ready（未读数）与 notification（新消息及未读数）',
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        // Refusals (an administrator, 三员分立) answer before the stream opens.
        let audience: NotificationAudience = await notificationAudience(
          repositories,
          session,
          deps.now(),
        )
        const first = await listNotifications(repositories, deps, session, { limit: 1 })
        let cursor = first.items[0]?.seq ?? 0
        const lastEventId = Number(request.headers['last-event-id'])
        if (Number.isInteger(lastEventId) && lastEventId > 0 && lastEventId < cursor)
          cursor = lastEventId
        // What the page has already loaded (the window below the cursor too) is not pushed again.
        const sent = new Set<string>(
          (
            await repositories.notifications.list(audience, {
              limit: 100,
              afterSeq: Math.max(0, cursor - 50),
            })
          ).map((item) => item.id),
        )
        reply.hijack()
        const out = reply.raw
        out.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        })
        out.write(
          `retry: 3000\n\nevent: ready\ndata: ${JSON.stringify({ unread: first.unread })}\n\n`,
        )
        let busy = false
        const push = async () => {
          if (busy) return
          busy = true
          try {
            // Who the person answers for may change (an acting assignment begins): asked again.
            audience = await notificationAudience(repositories, session, deps.now())
            // A window below the cursor catches a message whose transaction committed late.
            const fresh = await repositories.notifications.list(audience, {
              limit: 50,
              afterSeq: Math.max(0, cursor - 50),
            })
            const toSend = fresh.filter((item) => !sent.has(item.id))
            if (toSend.length === 0) return
            const unread = await repositories.notifications.unreadCount(audience)
            for (const item of toSend.sort((a, b) => a.seq - b.seq)) {
              sent.add(item.id)
              cursor = Math.max(cursor, item.seq)
              out.write(event(item, unread))
            }
            if (sent.size > 500) for (const seen of [...sent].slice(0, 250)) sent.delete(seen)
          } catch (error) {
            request.log.warn({ err: error }, '消息推送查询失败')
          } finally {
            busy = false
          }
        }
        const unsubscribe = watch.subscribe(() => void push())
        const heartbeat = setInterval(() => out.write(': ping\n\n'), 20_000)
        const limit = setTimeout(() => out.end(), options.streamMaxMs ?? 10 * 60_000)
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

function event(item: NotificationView, unread: number): string {
  return `id: ${item.seq}\nevent: notification\ndata: ${JSON.stringify({ notification: item, unread })}\n\n`
}

/**
 * Looks at the newest position every `intervalMs` while anyone listens and calls the listeners
 * when it moved. One query per beat per process, however many pages are open.
 */
export function latestWatcher(latest: () => Promise<number>, intervalMs: number) {
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setInterval> | undefined
  let last: number | undefined
  const beat = async () => {
    try {
      const now = await latest()
      if (last !== undefined && now !== last) for (const listener of listeners) listener()
      last = now
    } catch {
      // The next beat tries again; a stream stays open through a passing database error.
    }
  }
  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      // A stream that opens after a beat asks once at once, so nothing between is missed.
      listener()
      if (!timer) {
        void beat()
        timer = setInterval(() => void beat(), intervalMs)
        timer.unref()
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
          last = undefined
        }
      }
    },
    stop() {
      listeners.clear()
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
