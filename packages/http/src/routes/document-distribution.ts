import {
  listRecipientOptions,
  remindUnsignedRecipients,
  signForDocument,
  viewDocumentDistribution,
  type SessionRecord,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import {
  distributionParams,
  distributionView,
  recipientOptionsResponse,
} from './document-distribution.contract.ts'
import { emptyBody } from './documents.contract.ts'
import type { SessionRouteDeps } from './session.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'

/**
 * Electronic distribution: what a document may be addressed to, and after 印发 each unit's
 * delivery, 签收 and the issuing office's 催收. Its own route, like 传阅's receipts: the card that
 * shows it reads it, not every page that shows the document.
 */
export function documentDistributionRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const view = (session: SessionRecord, documentId: string) =>
    viewDocumentDistribution(repositories, { now: deps.now, rules }, session, documentId)

  return async (app) => {
    app.get(
      '/api/recipient-options',
      {
        preHandler: signedIn,
        schema: {
          summary: '可选的主送、抄送单位：本辖区分发组（含其单位）和各单位（是否有人在岗）',
          response: { 200: recipientOptionsResponse, ...refusals },
        },
      },
      async (request) => listRecipientOptions(repositories, deps, sessionOf(request)),
    )

    app.get(
      '/api/documents/:id/distribution',
      {
        preHandler: signedIn,
        schema: {
          summary: '分发情况：各主送、抄送单位的送达、签收（时间、签收人）、催收；纸质分送单位',
          params: distributionParams,
          response: { 200: distributionView, ...refusals },
        },
      },
      async (request) => view(sessionOf(request), request.params.id),
    )

    app.post(
      '/api/documents/:id/sign-for',
      {
        preHandler: signedIn,
        schema: {
          summary: '签收（收文单位的人员以本单位职务签收印发的公文）',
          params: distributionParams,
          body: emptyBody,
          response: { 200: distributionView, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await signForDocument(commands, session, { documentId: request.params.id })
        return view(session, request.params.id)
      },
    )

    app.post(
      '/api/documents/:id/remind-recipients',
      {
        preHandler: signedIn,
        schema: {
          summary: '催收（印发单位催未签收的单位签收）',
          params: distributionParams,
          body: emptyBody,
          response: { 200: distributionView, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await remindUnsignedRecipients(commands, session, { documentId: request.params.id })
        return view(session, request.params.id)
      },
    )
  }
}
