import {
  attachSupervisionEvidence,
  createSupervisionItem,
  downloadSupervisionEvidence,
  MAX_ATTACHMENT_BYTES,
  decideSupervisionExtension,
  exportSupervisionLedger,
  issueSupervisionCircular,
  listSupervisionCirculars,
  listSupervisionLedger,
  reportSupervisionProgress,
  requestSupervisionClosure,
  requestSupervisionExtension,
  reviewSupervisionClosure,
  viewSupervisionDashboard,
  viewSupervisionItem,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  readOneFile,
  registerOneFileUploads,
  sendStoredFile,
  withAttachmentStatus,
} from './one-file-upload.ts'
import {
  circularBody,
  circularResponse,
  closureBody,
  createItemBody,
  dashboardQuery,
  dashboardResponse,
  decisionBody,
  evidenceFile,
  evidenceParams,
  extensionBody,
  itemView,
  ledgerExportQuery,
  ledgerQuery,
  ledgerResponse,
  progressBody,
  supervisionParams,
} from './supervision.contract.ts'
import type { SessionRouteDeps } from './session.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The supervision ledger (督查台账): items, their progress, extensions and closing review, the
 * dashboard figures, circulars (通报) and the Excel ledger. Acts answer the item as it stands.
 */
export function supervisionRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = { now: deps.now, rules }
  type Session = Parameters<typeof viewSupervisionItem>[2]
  const view = (session: Session, itemId: string) =>
    viewSupervisionItem(repositories, reads, session, itemId)
  /** An act on one item: parse, call the use case, answer the item as it now stands. */
  const itemAct = <B extends z.ZodType>(
    app: Parameters<FastifyPluginAsyncZod>[0],
    path: string,
    summary: string,
    body: B,
    run: (session: Session, itemId: string, body: z.output<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/supervision/items/:id/${path}`,
      {
        preHandler: signedIn,
        schema: {
          summary,
          params: supervisionParams,
          body,
          response: { 200: itemView, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await run(session, request.params.id, request.body as z.output<B>)
        return view(session, request.params.id)
      },
    )

  return async (app) => {
    await registerOneFileUploads(app, MAX_ATTACHMENT_BYTES, ['/evidence'])

    app.get(
      '/api/supervision/items',
      {
        preHandler: signedIn,
        schema: {
          summary: '督查台账（按状态、来源、单位筛选）',
          querystring: ledgerQuery,
          response: { 200: ledgerResponse, ...refusals },
        },
      },
      async (request) =>
        listSupervisionLedger(repositories, reads, sessionOf(request), request.query),
    )

    app.get(
      '/api/supervision/items.xlsx',
      {
        preHandler: signedIn,
        schema: { summary: '导出督查台账（Excel）', querystring: ledgerExportQuery },
      },
      async (request, reply) => {
        const workbook = await exportSupervisionLedger(
          { ...commands },
          sessionOf(request),
          request.query,
        )
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent('督查台账.xlsx')}`,
          )
          .send(workbook)
      },
    )

    app.post(
      '/api/supervision/items',
      {
        preHandler: signedIn,
        schema: {
          summary: '立项督办（督查部门）：办理时限按规则库',
          body: createItemBody,
          response: { 201: itemView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const item = await createSupervisionItem(commands, session, request.body)
        return reply.code(201).send(await view(session, item.id))
      },
    )

    app.get(
      '/api/supervision/items/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '督办事项及其办理历史',
          params: supervisionParams,
          response: { 200: itemView, ...refusals },
        },
      },
      async (request) => view(sessionOf(request), request.params.id),
    )

    itemAct(app, 'progress', '报送进展（牵头或配合单位）', progressBody, (session, itemId, body) =>
      reportSupervisionProgress(commands, session, { itemId, ...body }),
    )
    itemAct(app, 'extension', '申请延期（书面说明原因）', extensionBody, (session, itemId, body) =>
      requestSupervisionExtension(commands, session, { itemId, ...body }),
    )
    itemAct(
      app,
      'extension/decide',
      '审核延期申请（督查部门）',
      decisionBody,
      (session, itemId, body) => decideSupervisionExtension(commands, session, { itemId, ...body }),
    )
    itemAct(app, 'closure', '报办结（牵头单位）', closureBody, (session, itemId, body) =>
      requestSupervisionClosure(commands, session, { itemId, ...body }),
    )
    itemAct(app, 'closure/review', '办结审核（督查部门）', decisionBody, (session, itemId, body) =>
      reviewSupervisionClosure(commands, session, { itemId, ...body }),
    )

    app.post(
      '/api/supervision/items/:id/evidence',
      {
        preHandler: signedIn,
        schema: {
          summary: '上传佐证材料（牵头或配合单位；multipart/form-data，一个文件）',
          consumes: ['multipart/form-data'],
          params: supervisionParams,
          response: { 201: evidenceFile, ...refusals, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const file = await readOneFile(request, MAX_ATTACHMENT_BYTES)
        try {
          const evidence = await attachSupervisionEvidence(commands, sessionOf(request), {
            itemId: request.params.id,
            ...file,
          })
          return reply.code(201).send(evidence)
        } catch (error) {
          throw withAttachmentStatus(error)
        }
      },
    )

    app.get(
      '/api/supervision/items/:id/evidence/:evidenceId',
      {
        preHandler: signedIn,
        schema: { summary: '下载佐证材料（能查看该事项的人员）', params: evidenceParams },
      },
      async (request, reply) => {
        const evidence = await downloadSupervisionEvidence(
          repositories,
          reads,
          sessionOf(request),
          {
            itemId: request.params.id,
            evidenceId: request.params.evidenceId,
          },
        )
        return sendStoredFile(reply, evidence)
      },
    )

    app.get(
      '/api/supervision/dashboard',
      {
        preHandler: signedIn,
        schema: {
          summary: '督查看板：在办、本周到期、逾期、按时办结率、平均超期天数、趋势',
          querystring: dashboardQuery,
          response: { 200: dashboardResponse, ...refusals },
        },
      },
      async (request) =>
        viewSupervisionDashboard(repositories, reads, sessionOf(request), request.query),
    )

    app.get(
      '/api/supervision/circulars',
      {
        preHandler: signedIn,
        schema: { summary: '督查通报', response: { 200: circularResponse.array(), ...refusals } },
      },
      async (request) => listSupervisionCirculars(repositories, reads, sessionOf(request)),
    )

    app.post(
      '/api/supervision/circulars',
      {
        preHandler: signedIn,
        schema: {
          summary: '发布督查通报（督查部门）',
          body: circularBody,
          response: { 201: circularResponse, ...refusals },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await issueSupervisionCircular(commands, sessionOf(request), request.body)),
    )
  }
}
