import {
  dispatchDutyLogEntry,
  handOverDutyShift,
  listDutyHandovers,
  receiveDutyHandover,
  recordDutyLogEntry,
  viewDutyLog,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  dispatchBody,
  dispatchResponse,
  entryBody,
  entryParams,
  entryResponse,
  handBody,
  handoverParams,
  handoverResponse,
  handoversQuery,
  handoversResponse,
  logQuery,
  logResponse,
  receiveBody,
} from './duty-log.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 值班日志、交接班 (issue 16): what came in on duty, to the minute, and what was done; leaders'
 * instructions and hotline items dispatched to the supervision ledger with the rulebook's due
 * date; the handover between shifts signed by both.
 */
export function dutyLogRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  return async (app) => {
    app.get(
      '/api/duty/log',
      {
        preHandler: signedIn,
        schema: {
          summary: '值班日志（本班或指定班次、时段的记录，上一班交接事项，交接班）',
          querystring: logQuery,
          response: { 200: logResponse, ...refusals },
        },
      },
      async (request) => {
        const { unit, shift, from, to } = request.query
        return viewDutyLog(repositories, { now: deps.now, rules }, sessionOf(request), {
          unitId: unit,
          shiftId: shift,
          from,
          to,
        })
      },
    )
    app.post(
      '/api/duty/log',
      {
        preHandler: signedIn,
        schema: {
          summary: '登记值班记录（来电来报、领导指示、热线事项等，时间精确到分钟）',
          body: entryBody,
          response: { 201: entryResponse, ...refusals },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordDutyLogEntry(commands, sessionOf(request), request.body)),
    )
    app.post(
      '/api/duty/log/:id/dispatch',
      {
        preHandler: signedIn,
        schema: {
          summary: '分办：将领导指示、热线事项转为督办事项（按工作规则确定办理时限）',
          params: entryParams,
          body: dispatchBody,
          response: { 201: dispatchResponse, ...refusals },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await dispatchDutyLogEntry(
              commands,
              sessionOf(request),
              request.params.id,
              request.body,
            ),
          ),
    )
    app.get(
      '/api/duty/handovers',
      {
        preHandler: signedIn,
        schema: {
          summary: '交接班记录（交班、接班签字）',
          querystring: handoversQuery,
          response: { 200: handoversResponse, ...refusals },
        },
      },
      async (request) =>
        listDutyHandovers(repositories, { now: deps.now }, sessionOf(request), {
          unitId: request.query.unit,
          from: request.query.from,
          to: request.query.to,
        }),
    )
    app.post(
      '/api/duty/handovers',
      {
        preHandler: signedIn,
        schema: {
          summary: '交班（本班值班人员签字，列明交接事项）',
          body: handBody,
          response: { 201: handoverResponse, ...refusals },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await handOverDutyShift(commands, sessionOf(request), request.body)),
    )
    app.post(
      '/api/duty/handovers/:id/receive',
      {
        preHandler: signedIn,
        schema: {
          summary: '接班签收（下一班值班人员）',
          params: handoverParams,
          body: receiveBody,
          response: { 200: handoverResponse, ...refusals },
        },
      },
      async (request) => receiveDutyHandover(commands, sessionOf(request), request.params.id),
    )
  }
}
