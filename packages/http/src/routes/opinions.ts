import {
  closeOpinion,
  listOpinions,
  opinionOptions,
  recordOpinion,
  respondToOpinion,
  viewOpinion,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  closeBody,
  listQuery,
  opinionList,
  opinionOptions as optionsResponse,
  opinionParams,
  opinionView,
  optionsQuery,
  recordOpinionBody,
  respondBody,
} from './opinions.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 政务舆情 (issue 16): the duty office records an item with its source and first-seen time and
 * who is to respond; the rulebook sets the response deadlines from that time (延津 十六); the
 * responsible unit records the responses published; the office closes it. Acts answer the item
 * as it now stands, with the server's now for the countdowns.
 */
export function opinionRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = { now: deps.now, rules }

  return async (app) => {
    app.get(
      '/api/opinions',
      {
        preHandler: signedIn,
        schema: {
          summary: '政务舆情（值班室、政府办公室和政府领导看全部，责任单位看交其回应的）',
          querystring: listQuery,
          response: { 200: opinionList, ...refusals },
        },
      },
      async (request) => listOpinions(repositories, reads, sessionOf(request), request.query),
    )

    app.get(
      '/api/opinions/options',
      {
        preHandler: signedIn,
        schema: {
          summary: '可登记的舆情类别及其回应时限（规则库 public-opinion-options，附条文）',
          querystring: optionsQuery,
          response: { 200: optionsResponse, ...refusals },
        },
      },
      async (request) => opinionOptions(repositories, reads, sessionOf(request), request.query.on),
    )

    app.post(
      '/api/opinions',
      {
        preHandler: signedIn,
        schema: {
          summary: '登记政务舆情（来源、发现时间、回应责任单位），按规则库计算回应时限',
          body: recordOpinionBody,
          response: { 201: opinionView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const record = await recordOpinion(commands, session, request.body)
        return reply.code(201).send(await viewOpinion(repositories, reads, session, record.id))
      },
    )

    app.get(
      '/api/opinions/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '一条政务舆情：回应时限（附条文）、已发布的回应',
          params: opinionParams,
          response: { 200: opinionView, ...refusals },
        },
      },
      async (request) => viewOpinion(repositories, reads, sessionOf(request), request.params.id),
    )

    app.post(
      '/api/opinions/:id/responses',
      {
        preHandler: signedIn,
        schema: {
          summary: '登记已发布的回应（权威信息、新闻发布会…），按时或逾期以规则库时限为准',
          params: opinionParams,
          body: respondBody,
          response: { 200: opinionView, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await respondToOpinion(commands, session, { ...request.body, itemId: request.params.id })
        return viewOpinion(repositories, reads, session, request.params.id)
      },
    )

    app.post(
      '/api/opinions/:id/close',
      {
        preHandler: signedIn,
        schema: {
          summary: '办结政务舆情（值班室、政府办公室或政府领导）',
          params: opinionParams,
          body: closeBody,
          response: { 200: opinionView, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await closeOpinion(commands, session, { ...request.body, itemId: request.params.id })
        return viewOpinion(repositories, reads, session, request.params.id)
      },
    )
  }
}
