import {
  type AbsenceView,
  approveAbsenceRequest,
  fileAbsenceRequest,
  listAbsences,
  previewAbsenceRequest,
  refuseAbsenceRequest,
  reportAbsenceReturn,
  viewAbsence,
  withdrawAbsenceRequest,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { sessionOf } from '../auth.ts'
import {
  absenceParams,
  absenceView,
  approveBody,
  fileBody,
  listQuery,
  listResponse,
  previewBody,
  previewResponse,
  refuseBody,
  returnBody,
  withdrawBody,
} from './absences.contract.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * 请销假 and 外出报备 (issue 15): the preview the form shows before submitting, filing, the lists
 * (mine, to decide, the office's overview), one absence, and its acts (批准, 不予批准, 销假, 撤回).
 * Each act answers the absence as its transaction left it.
 */
export function absenceRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = { now: deps.now, rules }
  type Session = ReturnType<typeof sessionOf>
  return async (app) => {
    app.post(
      '/api/absences/preview',
      {
        preHandler: signedIn,
        schema: {
          summary: '请假（外出）预审：审批或报备、审批人、告知、提前天数、冲突，均注明条款',
          body: previewBody,
          response: { 200: previewResponse, ...refusals },
        },
      },
      async (request) => previewAbsenceRequest(commands, sessionOf(request), request.body),
    )

    app.post(
      '/api/absences',
      {
        preHandler: signedIn,
        schema: {
          summary: '提交请假、出差、出访、休假或离县外出报备',
          body: fileBody,
          response: { 201: absenceView, ...refusals },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await fileAbsenceRequest(commands, sessionOf(request), request.body)),
    )

    app.get(
      '/api/absences',
      {
        preHandler: signedIn,
        schema: {
          summary: '请销假列表：我的申请、待我审批、办公室总览（含逾期未销假）',
          querystring: listQuery,
          response: { 200: listResponse, ...refusals },
        },
      },
      async (request) => listAbsences(repositories, reads, sessionOf(request), request.query),
    )

    app.get(
      '/api/absences/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '请假（外出）详情',
          params: absenceParams,
          response: { 200: absenceView, ...refusals },
        },
      },
      async (request) => viewAbsence(repositories, reads, sessionOf(request), request.params.id),
    )

    /** An act on one absence: parse, call, answer the absence as the act left it. */
    const act = <
      B extends typeof approveBody | typeof refuseBody | typeof returnBody | typeof withdrawBody,
    >(
      path: string,
      summary: string,
      body: B,
      run: (session: Session, absenceId: string, body: z.output<B>) => Promise<AbsenceView>,
    ) =>
      app.post(
        `/api/absences/:id/${path}`,
        {
          preHandler: signedIn,
          schema: {
            summary,
            params: absenceParams,
            body,
            response: { 200: absenceView, ...refusals },
          },
        },
        async (request) => run(sessionOf(request), request.params.id, request.body as z.output<B>),
      )

    act('approve', '批准请假（外出）', approveBody, (session, absenceId, body) =>
      approveAbsenceRequest(commands, session, { absenceId, opinion: body.opinion }),
    )
    act('refuse', '不予批准（须说明理由）', refuseBody, (session, absenceId, body) =>
      refuseAbsenceRequest(commands, session, { absenceId, reason: body.reason }),
    )
    act('return', '销假（返回日期与报告）', returnBody, (session, absenceId, body) =>
      reportAbsenceReturn(commands, session, { absenceId, ...body }),
    )
    act('withdraw', '撤回请假（外出）', withdrawBody, (session, absenceId) =>
      withdrawAbsenceRequest(commands, session, { absenceId }),
    )
  }
}
