import {
  createDutyUnit,
  editDutyShift,
  generateDutyRoster,
  listDutyUnits,
  onDutyNow,
  printDutyRoster,
  publishDutyRoster,
  swapDutyShift,
  updateDutyUnit,
  viewDutyRoster,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  created,
  dutyUnitBody,
  dutyUnitList,
  dutyUnitPatch,
  idParams,
  onDutyView,
  rosterBody,
  rosterQuery,
  rosterView,
  shiftAnswer,
  shiftEditBody,
  shiftSwapBody,
} from './duty-rosters.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/** 值班表 (issue 16): duty units, rosters generated, edited, published, swapped, printed. */
export function dutyRosterRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = () => ({ repositories, rules, now: deps.now() })
  const span = (q: {
    unit: string
    from?: string
    to?: string
    holiday?: string
    year?: number
  }) => ({
    unitId: q.unit,
    from: q.from,
    to: q.to,
    holiday: q.holiday,
    year: q.year,
  })

  return async (app) => {
    app.get(
      '/api/duty/units',
      {
        preHandler: signedIn,
        schema: {
          summary: '值班单位：总值班室等及其班次、带班领导和值班人员名单、所依规则',
          response: { 200: dutyUnitList, ...refusals },
        },
      },
      async (request) => ({ units: await listDutyUnits(reads(), sessionOf(request)) }),
    )

    app.post(
      '/api/duty/units',
      {
        preHandler: signedIn,
        schema: {
          summary: '设置值班单位（政府办公室；值班期起止日期取自规则库）',
          body: dutyUnitBody,
          response: { 201: created, ...refusals },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createDutyUnit(commands, sessionOf(request), request.body)),
    )

    app.patch(
      '/api/duty/units/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '修改值班单位的班次和人员名单（留痕审计）',
          params: idParams,
          body: dutyUnitPatch,
          response: { 200: created, ...refusals },
        },
      },
      async (request) =>
        updateDutyUnit(commands, sessionOf(request), request.params.id, request.body),
    )

    app.get(
      '/api/duty/rosters',
      {
        preHandler: signedIn,
        schema: {
          summary: '值班表：期间（或节假日）内每天的班次、带班领导、值班人员、请假外出和空缺',
          querystring: rosterQuery,
          response: { 200: rosterView, ...refusals },
        },
      },
      async (request) => viewDutyRoster(reads(), sessionOf(request), span(request.query)),
    )

    app.post(
      '/api/duty/rosters/generate',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '生成值班表草稿（按日历区分工作日、双休日、节假日；轮换排班，跳过请假外出人员；空缺标红）',
          body: rosterBody,
          response: { 200: rosterView, ...refusals },
        },
      },
      async (request) => generateDutyRoster(commands, sessionOf(request), request.body),
    )

    app.post(
      '/api/duty/rosters/publish',
      {
        preHandler: signedIn,
        schema: {
          summary: '发布值班表（通知在班人员；班次开始前检查空缺）',
          body: rosterBody,
          response: { 200: rosterView, ...refusals },
        },
      },
      async (request) => publishDutyRoster(commands, sessionOf(request), request.body),
    )

    app.get(
      '/api/duty/rosters/print',
      {
        preHandler: signedIn,
        schema: { summary: '打印值班表（A4 网页，用浏览器打印）', querystring: rosterQuery },
      },
      async (request, reply) => {
        const table = await printDutyRoster(reads(), sessionOf(request), span(request.query))
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-disposition',
            `inline; filename*=UTF-8''${encodeURIComponent(table.fileName)}`,
          )
          .header('cache-control', 'no-store')
          .send(table.html)
      },
    )

    app.patch(
      '/api/duty/shifts/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '编辑草稿班次的带班领导和值班人员',
          params: idParams,
          body: shiftEditBody,
          response: { 200: shiftAnswer, ...refusals },
        },
      },
      async (request) =>
        editDutyShift(commands, sessionOf(request), request.params.id, request.body),
    )

    app.post(
      '/api/duty/shifts/:id/swap',
      {
        preHandler: signedIn,
        schema: {
          summary: '换班（已发布的班次；留痕审计，通知换班双方）',
          params: idParams,
          body: shiftSwapBody,
          response: { 200: shiftAnswer, ...refusals },
        },
      },
      async (request) =>
        swapDutyShift(commands, sessionOf(request), request.params.id, request.body),
    )

    app.get(
      '/api/duty/now',
      {
        preHandler: signedIn,
        schema: {
          summary: '当前在班：各值班单位的带班领导和值班人员（已发布的班次）',
          response: { 200: onDutyView, ...refusals },
        },
      },
      async (request) => onDutyNow({ repositories, now: deps.now() }, sessionOf(request)),
    )
  }
}
