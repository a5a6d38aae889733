import { countAwaitingWork, listAwaitingWork } from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import type { SessionRouteDeps } from './session.ts'
import { awaitingCountsResponse, awaitingWorkResponse } from './workbench.contract.ts'

/** The workbench: what awaits the current post, and the menu's counts. */
export function workbenchRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  return async (app) => {
    app.get(
      '/api/workbench',
      {
        preHandler: signedIn,
        schema: {
          summary: '待我办理：当前职务的公文、会议、督查事项，最紧急的在前',
          response: { 200: awaitingWorkResponse, ...refusals },
        },
      },
      async (request) =>
        listAwaitingWork(repositories, { now: deps.now, rules }, sessionOf(request)),
    )
    app.get(
      '/api/workbench/counts',
      {
        preHandler: signedIn,
        schema: {
          summary: '菜单角标：当前职务各栏目待办数',
          response: { 200: awaitingCountsResponse, ...refusals },
        },
      },
      async (request) =>
        countAwaitingWork(repositories, { now: deps.now, rules }, sessionOf(request)),
    )
  }
}
