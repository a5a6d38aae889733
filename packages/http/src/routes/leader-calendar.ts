import { printLeaderCalendar, viewLeaderCalendar } from '@zhengling/app'
import { createLeaderCalendarRepository } from '@zhengling/db'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import { documentRouteContext } from './document-route-context.ts'
import { leaderCalendarQuery, leaderCalendarView } from './leader-calendar.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/** 领导活动安排: the week view of the leadership or one leader, and the printable weekly table. */
export function leaderCalendarRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, signedIn } = documentRouteContext(deps)
  const reads = { now: deps.now, rules, calendar: createLeaderCalendarRepository(deps.db) }
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody }

  return async (app) => {
    app.get(
      '/api/leader-calendar',
      {
        preHandler: signedIn,
        schema: {
          summary: '领导活动安排：一周内各位领导（或一位领导）的会议、外出、活动与代行职责',
          querystring: leaderCalendarQuery,
          response: { 200: leaderCalendarView, ...refusals },
        },
      },
      async (request) => viewLeaderCalendar(repositories, reads, sessionOf(request), request.query),
    )

    app.get(
      '/api/leader-calendar/print',
      {
        preHandler: signedIn,
        schema: {
          summary: '打印领导活动安排表（A4 横向的网页，用浏览器打印）',
          querystring: leaderCalendarQuery,
        },
      },
      async (request, reply) => {
        const table = await printLeaderCalendar(
          repositories,
          reads,
          sessionOf(request),
          request.query,
        )
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-disposition',
            `inline; filename*=UTF-8''${encodeURIComponent(table.fileName)}`,
          )
          .header('cache-control', 'no-store')
          .send(table.html)
      },
    )
  }
}
