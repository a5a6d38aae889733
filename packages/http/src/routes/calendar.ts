import { randomUUID } from 'node:crypto'
import {
  activateHolidayNotice,
  type CalendarLayers,
  listHolidayNotices,
  readHolidayNotice,
} from '@zhengling/app'
import { createInTransaction, createRepositories } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import { activation, noticeReading, noticesView, noticeTextBody } from './calendar.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/** The system admin's holiday notices: read for review, activate, list with what to recheck. */
export function calendarRoutes(
  deps: SessionRouteDeps & { calendar: CalendarLayers },
): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const commands = {
    inTransaction: createInTransaction(deps.db),
    calendar: deps.calendar,
    hasher: deps.hasher,
    now: deps.now,
    newId: randomUUID,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 422: errorBody }
  return async (app) => {
    app.get(
      '/api/admin/calendar',
      {
        preHandler: signedIn,
        schema: {
          summary: '已启用的节假日安排通知、各年日历状态与待复核期限（系统管理员）',
          response: { 200: noticesView, ...refusals },
        },
      },
      async (request) => listHolidayNotices(commands, repositories, sessionOf(request)),
    )

    app.post(
      '/api/admin/calendar/reading',
      {
        preHandler: signedIn,
        schema: {
          summary: '解析国务院办公厅节假日安排通知以供核对，不保存（系统管理员）',
          body: noticeTextBody,
          response: { 200: noticeReading, ...refusals },
        },
      },
      async (request) => readHolidayNotice(commands, sessionOf(request), request.body.text),
    )

    app.post(
      '/api/admin/calendar/notices',
      {
        preHandler: signedIn,
        schema: {
          summary: '启用节假日安排通知：以通知为来源计入工作日历，列出待复核期限（系统管理员）',
          body: noticeTextBody,
          response: { 201: activation, ...refusals, 409: errorBody },
        },
      },
      async (request, reply) => {
        reply.status(201)
        return activateHolidayNotice(commands, sessionOf(request), request.body.text)
      },
    )
  }
}
