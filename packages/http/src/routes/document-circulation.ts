import { randomUUID } from 'node:crypto'
import { circulateDocument, type DocumentDeps, viewCirculation } from '@zhengling/app'
import { createInTransaction, createRepositories } from '@zhengling/db'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import { createRulesPort } from '../rules-port.ts'
import {
  circulateBody,
  circulationParams,
  circulationView,
} from './document-circulation.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 传阅 and its read receipts. The receipts have their own route rather than a place in the
 * document view: they need the organisation (today's holders) and are read by the card that
 * shows them, not by every page that shows the document. 已阅 stays POST /api/documents/:id/acknowledge.
 */
export function documentCirculationRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const rules = createRulesPort(deps.library)
  const commands: DocumentDeps = {
    inTransaction: createInTransaction(deps.db),
    hasher: deps.hasher,
    now: deps.now,
    newId: randomUUID,
    rules,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const refusals = {
    400: errorBody,
    401: errorBody,
    403: errorBody,
    404: errorBody,
    422: errorBody,
  }
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
