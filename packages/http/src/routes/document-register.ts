import { exportDocumentRegister, listDocumentRegister, registerAccess } from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import {
  registerAccessResponse,
  registerFilter,
  registerPage,
  registerQuery,
} from './document-register.contract.ts'
import type { SessionRouteDeps } from './session.ts'
import { documentRouteContext } from './document-route-context.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** 收发文登记簿: the office's register of documents in and out, as JSON or as an Excel file. */
export function documentRegisterRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 422: errorBody }

  return async (app) => {
    app.get(
      '/api/documents/register',
      {
        preHandler: signedIn,
        schema: {
          summary: '收发文登记簿（办公室：收文登记岗位及政府办公室职务；逐件经知悉范围与密级过滤）',
          querystring: registerQuery,
          response: { 200: registerPage, ...refusals },
        },
      },
      async (request) =>
        listDocumentRegister(repositories, { now: deps.now, rules }, sessionOf(request), {
          ...request.query,
        }),
    )

    app.get(
      '/api/documents/register.xlsx',
      {
        preHandler: signedIn,
        schema: {
          summary: '导出收发文登记簿（Excel，按同样的筛选条件；每次导出记入审计日志）',
          querystring: registerFilter,
        },
      },
      async (request, reply) => {
        const file = await exportDocumentRegister(commands, sessionOf(request), request.query)
        return reply
          .type(XLSX)
          .header(
            'content-disposition',
            `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes))
      },
    )

    app.get(
      '/api/documents/register/access',
      {
        preHandler: signedIn,
        schema: {
          summary: '当前职务能否查阅收发文登记簿（及依据条文）',
          response: { 200: registerAccessResponse, ...refusals },
        },
      },
      async (request) => registerAccess(repositories, { now: deps.now, rules }, sessionOf(request)),
    )
  }
}
