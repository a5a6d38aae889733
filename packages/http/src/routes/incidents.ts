import {
  addIncidentReport,
  closeIncident,
  type DutyBoardReads,
  incidentOptions,
  issueDutyCircular,
  listDutyCirculars,
  listIncidents,
  listLateRegister,
  listOpenOpinions,
  reportIncident,
  requestIncidentFollowUp,
  reviewLateEntry,
  viewDutyBoard,
  viewDutyCircular,
  viewIncident,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  addReportBody,
  boardResponse,
  circularBody,
  circularsResponse,
  circularView,
  closeBody,
  followUpBody,
  incidentParams,
  incidentView,
  listQuery,
  listResponse,
  optionsResponse,
  registerLineParams,
  registerLineResponse,
  registerResponse,
  reportIncidentBody,
  reviewBody,
  windowQuery,
} from './incidents.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 突发事件信息报送 (issue 16): a unit reports an incident with the deadlines the rulebook sets
 * from when it happened (or became known); 续报、终报; the duty office's requests for a 续报; the
 * 迟报漏报 register and its circulars; the duty board (值班台) with the server's now.
 */
export function incidentRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary; dutyBoard?: DutyBoardReads },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = { now: deps.now, rules }
  // The board's open 政务舆情 (H5), in the scope the board resolved (the same "sees all").
  const board: DutyBoardReads = {
    openOpinions: (scope, now) => listOpenOpinions(repositories, scope, new Date(now)),
  }

  return async (app) => {
    app.get(
      '/api/incidents',
      {
        preHandler: signedIn,
        schema: {
          summary: '突发事件报告（值班、应急部门和政府领导看全部，报送单位看本单位的）',
          querystring: listQuery,
          response: { 200: listResponse, ...refusals },
        },
      },
      async (request) =>
        listIncidents(repositories, reads, sessionOf(request), {
          status: request.query.status,
          departmentId: request.query.department,
        }),
    )

    app.get(
      '/api/incidents/options',
      {
        preHandler: signedIn,
        schema: {
          summary: '可报送的事件类别及其报送时限、报告要素（本辖区规则与国家规定），附条文',
          response: { 200: optionsResponse, ...refusals },
        },
      },
      async (request) => incidentOptions(repositories, reads, sessionOf(request)),
    )

    app.post(
      '/api/incidents',
      {
        preHandler: signedIn,
        schema: {
          summary: '报送突发事件（首报）：发生或获知时间起算电话、书面报送时限',
          body: reportIncidentBody,
          response: { 201: incidentView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const record = await reportIncident(commands, session, request.body)
        return reply.code(201).send(await viewIncident(repositories, reads, session, record.id))
      },
    )

    app.get(
      '/api/incidents/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '突发事件：报送步骤及倒计时（附服务器时间）、报告、续报要求、迟报漏报记录',
          params: incidentParams,
          response: { 200: incidentView, ...refusals },
        },
      },
      async (request) => viewIncident(repositories, reads, sessionOf(request), request.params.id),
    )

    app.post(
      '/api/incidents/:id/reports',
      {
        preHandler: signedIn,
        schema: {
          summary: '报送续报、终报（或书面报告）',
          params: incidentParams,
          body: addReportBody,
          response: { 200: incidentView, ...refusals },
        },
      },
      async (request) =>
        addIncidentReport(commands, sessionOf(request), {
          ...request.body,
          incidentId: request.params.id,
        }),
    )

    app.post(
      '/api/incidents/:id/follow-up-requests',
      {
        preHandler: signedIn,
        schema: {
          summary: '要求报送单位在规定时间前续报（值班部门）',
          params: incidentParams,
          body: followUpBody,
          response: { 200: incidentView, ...refusals },
        },
      },
      async (request) =>
        requestIncidentFollowUp(commands, sessionOf(request), {
          ...request.body,
          incidentId: request.params.id,
        }),
    )

    app.post(
      '/api/incidents/:id/close',
      {
        preHandler: signedIn,
        schema: {
          summary: '终结事件（已有终报）',
          params: incidentParams,
          body: closeBody,
          response: { 200: incidentView, ...refusals },
        },
      },
      async (request) =>
        closeIncident(commands, sessionOf(request), {
          ...request.body,
          incidentId: request.params.id,
        }),
    )

    app.get(
      '/api/duty/late-register',
      {
        preHandler: signedIn,
        schema: {
          summary: '迟报漏报登记（按应报时间；默认近30天）',
          querystring: windowQuery,
          response: { 200: registerResponse, ...refusals },
        },
      },
      async (request) => listLateRegister(repositories, reads, sessionOf(request), request.query),
    )

    app.post(
      '/api/duty/late-register/:id/review',
      {
        preHandler: signedIn,
        schema: {
          summary: '核实迟报漏报记录：属实（仍为迟报、漏报）或不予通报，须写明理由（值班部门）',
          params: registerLineParams,
          body: reviewBody,
          response: { 200: registerLineResponse, ...refusals },
        },
      },
      async (request) =>
        reviewLateEntry(commands, sessionOf(request), {
          ...request.body,
          entryId: request.params.id,
        }),
    )

    app.get(
      '/api/duty/circulars',
      {
        preHandler: signedIn,
        schema: {
          summary: '迟报漏报通报',
          response: { 200: circularsResponse, ...refusals },
        },
      },
      async (request) => listDutyCirculars(repositories, reads, sessionOf(request)),
    )

    app.post(
      '/api/duty/circulars',
      {
        preHandler: signedIn,
        schema: {
          summary: '将迟报漏报登记生成通报（值班部门、政府办公室），附所依条文',
          body: circularBody,
          response: { 201: circularView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const circular = await issueDutyCircular(commands, session, request.body)
        return reply
          .code(201)
          .send(await viewDutyCircular(repositories, reads, session, circular.id))
      },
    )

    app.get(
      '/api/duty/circulars/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '一份迟报漏报通报',
          params: incidentParams,
          response: { 200: circularView, ...refusals },
        },
      },
      async (request) =>
        viewDutyCircular(repositories, reads, sessionOf(request), request.params.id),
    )

    app.get(
      '/api/duty/board',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '值班台：处置中的突发事件及报送倒计时、超时数、带班领导、政务舆情（附服务器时间）',
          response: { 200: boardResponse, ...refusals },
        },
      },
      async (request) =>
        viewDutyBoard(repositories, reads, deps.dutyBoard ?? board, sessionOf(request)),
    )
  }
}
