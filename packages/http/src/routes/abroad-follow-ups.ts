import { listAbroadFollowUps, recordAbroadFollowUp } from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { listResponse, recordBody, recordResponse } from './abroad-follow-ups.contract.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 因公出国(境) follow-ups (issue 15): the duties the rulebook sets after a trip abroad is closed
 * by 销假 (公务护照上缴, 出访总结), with due dates and articles; recorded done by the traveller or the
 * government office.
 */
export function abroadFollowUpRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  return async (app) => {
    app.get(
      '/api/abroad-follow-ups',
      {
        preHandler: signedIn,
        schema: {
          summary: '出访后续事项（回国后上缴公务护照、报送出访总结等，按工作规则计算期限）',
          response: { 200: listResponse, ...DOCUMENT_REFUSALS },
        },
      },
      async (request) =>
        listAbroadFollowUps(repositories, { now: deps.now, rules }, sessionOf(request)),
    )
    app.post(
      '/api/abroad-follow-ups/done',
      {
        preHandler: signedIn,
        schema: {
          summary: '登记出访后续事项已办结（出访本人或政府办公室）',
          body: recordBody,
          response: { 201: recordResponse, ...DOCUMENT_REFUSALS },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordAbroadFollowUp(commands, sessionOf(request), request.body)),
    )
  }
}
