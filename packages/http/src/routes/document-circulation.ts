import { circulateDocument, viewCirculation } from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import {
  circulateBody,
  circulationParams,
  circulationView,
} from './document-circulation.contract.ts'
import type { SessionRouteDeps } from './session.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'

/**
 * 传阅 and its read receipts. The receipts have their own route rather than a place in the
 * document view: they need the organisation (today's holders) and are read by the card that
 * shows them, not by every page that shows the document. 已阅 stays POST /api/documents/:id/acknowledge.
 */
export function documentCirculationRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const receipts = (session: Parameters<typeof viewCirculation>[2], documentId: string) =>
    viewCirculation(repositories, { now: deps.now, rules }, session, documentId)

  return async (app) => {
    app.get(
      '/api/documents/:id/circulation',
      {
        preHandler: signedIn,
        schema: {
          summary: '传阅情况：各传阅职务、任职人、传阅时间、阅毕时间（未阅为空）',
          params: circulationParams,
          response: { 200: circulationView, ...refusals },
        },
      },
      async (request) => receipts(sessionOf(request), request.params.id),
    )

    app.post(
      '/api/documents/:id/circulate',
      {
        preHandler: signedIn,
        schema: {
          summary: '传阅（办公室按规则办理）：向所选职务发出待阅并扩大知悉范围',
          params: circulationParams,
          body: circulateBody,
          response: { 200: circulationView, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await circulateDocument(commands, session, {
          documentId: request.params.id,
          ...request.body,
        })
        return receipts(session, request.params.id)
      },
    )
  }
}
