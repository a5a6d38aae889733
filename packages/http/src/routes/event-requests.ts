import {
  decideEventRequest,
  fileEventRequest,
  listEventRequests,
  previewEventRequest,
  viewEventRequest,
  withdrawEventRequest,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { sessionOf } from '../auth.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  decideBody,
  eventRequestBody,
  eventRequestParams,
  eventRequestView,
  listQuery,
  listResponse,
  previewResponse,
  refuseBody,
  withdrawBody,
} from './event-requests.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 会议活动申请 (issue 15): a department's request to hold a meeting or an event in the
 * government's name, invite leaders or receive foreign guests; checked against the rulebook when
 * filed, decided by the government office. Acts answer the request as it now stands.
 */
export function eventRequestRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = { now: deps.now, rules }
  type Session = Parameters<typeof viewEventRequest>[2]
  const view = (session: Session, id: string) => viewEventRequest(repositories, reads, session, id)

  return async (app) => {
    /** An act on one request: parse, call the use case, answer the request as it now stands. */
    const act = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (session: Session, requestId: string, body: z.output<B>) => Promise<unknown>,
    ) =>
      app.post(
        `/api/event-requests/:id/${path}`,
        {
          preHandler: signedIn,
          schema: {
            summary,
            params: eventRequestParams,
            body,
            response: { 200: eventRequestView, ...refusals },
          },
        },
        async (request) => {
          const session = sessionOf(request)
          await run(session, request.params.id, request.body as z.output<B>)
          return view(session, request.params.id)
        },
      )

    app.get(
      '/api/event-requests',
      {
        preHandler: signedIn,
        schema: {
          summary: '会议活动申请（本部门的、待办公室审核的、全部）',
          querystring: listQuery,
          response: { 200: listResponse, ...refusals },
        },
      },
      async (request) => listEventRequests(repositories, reads, sessionOf(request), request.query),
    )

    app.post(
      '/api/event-requests/preview',
      {
        preHandler: signedIn,
        schema: {
          summary: '会议活动申请提交前的规则检查（提前时限、无会周、年度次数），每项附条文',
          body: eventRequestBody,
          response: { 200: previewResponse, ...refusals },
        },
      },
      async (request) => previewEventRequest(repositories, reads, sessionOf(request), request.body),
    )

    app.post(
      '/api/event-requests',
      {
        preHandler: signedIn,
        schema: {
          summary: '提出会议活动申请（以政府名义的会议、活动，邀请领导，邀请外宾）',
          body: eventRequestBody,
          response: { 201: eventRequestView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const filed = await fileEventRequest(commands, session, request.body)
        return reply.code(201).send(await view(session, filed.id))
      },
    )

    app.get(
      '/api/event-requests/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '会议活动申请及其规则检查、办理历史',
          params: eventRequestParams,
          response: { 200: eventRequestView, ...refusals },
        },
      },
      async (request) => view(sessionOf(request), request.params.id),
    )

    act('approve', '同意会议活动申请（政府办公室）', decideBody, (session, requestId, body) =>
      decideEventRequest(commands, session, { requestId, approve: true, opinion: body.opinion }),
    )
    act(
      'refuse',
      '不同意会议活动申请（政府办公室，须说明理由）',
      refuseBody,
      (session, requestId, body) =>
        decideEventRequest(commands, session, { requestId, approve: false, opinion: body.reason }),
    )
    act('withdraw', '撤回会议活动申请（提出申请的部门）', withdrawBody, (session, requestId) =>
      withdrawEventRequest(commands, session, { requestId }),
    )
  }
}
