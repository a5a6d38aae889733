import {
  acknowledgeDocuments,
  listInstructionPhrases,
  saveInstructionPhrases,
  viewHandlingSheet,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { documentParams } from './documents.contract.ts'
import {
  acknowledgeManyBody,
  acknowledgeManyResult,
  handlingSheetView,
  instructionPhrasesBody,
  instructionPhrasesView,
} from './leader-desk.contract.ts'
import type { SessionRouteDeps } from './session.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'

/** A leader's desk: 常用批示语, 圈阅 of several documents at once, the 文件处理笺. */
export function leaderDeskRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS

  return async (app) => {
    app.get(
      '/api/me/instruction-phrases',
      {
        preHandler: signedIn,
        schema: {
          summary: '本人的常用批示语（未设置时为默认常用语）',
          response: { 200: instructionPhrasesView, ...refusals },
        },
      },
      async (request) => listInstructionPhrases(repositories, sessionOf(request)),
    )

    app.put(
      '/api/me/instruction-phrases',
      {
        preHandler: signedIn,
        schema: {
          summary: '保存本人的常用批示语（增删、排序后的完整列表）',
          body: instructionPhrasesBody,
          response: { 200: instructionPhrasesView, ...refusals },
        },
      },
      async (request) => saveInstructionPhrases(commands, sessionOf(request), request.body),
    )

    app.post(
      '/api/inbox/acknowledge',
      {
        preHandler: signedIn,
        schema: {
          summary: '批量圈阅：所选公文的待阅逐件标记已阅，不能办理的逐件说明原因',
          body: acknowledgeManyBody,
          response: { 200: acknowledgeManyResult, ...refusals },
        },
      },
      async (request) => acknowledgeDocuments(commands, sessionOf(request), request.body),
    )

    app.get(
      '/api/documents/:id/handling-sheet',
      {
        preHandler: signedIn,
        schema: {
          summary: '文件处理笺（收文）或发文稿纸（发文）：拟办意见、领导批示、办理结果等',
          params: documentParams,
          response: { 200: handlingSheetView, ...refusals },
        },
      },
      async (request) =>
        viewHandlingSheet(repositories, deps, sessionOf(request), request.params.id),
    )
  }
}
