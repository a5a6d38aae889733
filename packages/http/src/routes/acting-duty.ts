import { designateActingDuty, revokeActingDesignation, viewActingDuty } from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import {
  actingDesignationBody,
  actingDesignationCreated,
  actingDesignationParams,
  actingDutyQuery,
  actingDutyView,
} from './acting-duty.contract.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import type { SessionRouteDeps } from './session.ts'

/** 代行职责: who acts for whom each day (from absences and the acting rules), designations. */
export function actingDutyRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS

  return async (app) => {
    app.get(
      '/api/acting-duty',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '代行职责：期间内每天谁代行谁的职责（依请销假和规则库计算）、无人代行的日子、办公室明确的代行安排',
          querystring: actingDutyQuery,
          response: { 200: actingDutyView, ...refusals },
        },
      },
      async (request) =>
        viewActingDuty({ repositories, rules, now: deps.now() }, sessionOf(request), request.query),
    )

    app.post(
      '/api/acting-designations',
      {
        preHandler: signedIn,
        schema: {
          summary: '办公室主任明确代行人选（规则交由主要负责人委托或未作规定时；留痕审计）',
          body: actingDesignationBody,
          response: { 201: actingDesignationCreated, ...refusals },
        },
      },
      async (request, reply) => {
        const created = await designateActingDuty(commands, sessionOf(request), request.body)
        return reply.code(201).send(created)
      },
    )

    app.delete(
      '/api/acting-designations/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '撤销办公室明确的代行安排（留痕审计）',
          params: actingDesignationParams,
          response: { 200: actingDesignationCreated, ...refusals },
        },
      },
      async (request) => {
        await revokeActingDesignation(commands, sessionOf(request), request.params.id)
        return { id: request.params.id }
      },
    )
  }
}
