import {
  answerAgendaDissent,
  attachAgendaMaterial,
  downloadAgendaMaterial,
  MAX_ATTACHMENT_BYTES,
  approveAgenda,
  closeMeeting,
  decideAgendaItem,
  decideMeetingLeave,
  editMeeting,
  draftMeetingMinutes,
  listMeetings,
  listMeetingTypes,
  openMeeting,
  raiseAgendaDissent,
  recordAgendaStep,
  requestMeetingLeave,
  scheduleMeeting,
  sendMeetingNotice,
  submitAgendaItem,
  viewMeeting,
  withdrawAgendaItem,
} from '@zhengling/app'
import { addDays, shanghaiDateOf } from '@zhengling/rules'
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
  answerDissentBody,
  approveAgendaBody,
  decidedItemResponse,
  decideItemBody,
  decideLeaveBody,
  dissentBody,
  editMeetingBody,
  emptyBody,
  itemWithGate,
  leaveBody,
  meetingDissentParams,
  meetingItemParams,
  meetingMaterialParams,
  materialUploaded,
  meetingParams,
  meetingParticipantParams,
  meetingRange,
  meetingSummary,
  meetingTypesResponse,
  meetingView,
  minutesDraftResponse,
  openMeetingBody,
  recordStepBody,
  scheduleMeetingBody,
  submitItemBody,
  withdrawItemBody,
} from './meetings.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/**
 * Meetings (会议): scheduling, agenda items and their gates, dissent, leave, opening with the
 * quorum, decisions (which feed the supervision ledger) and the minutes. Acts answer the meeting
 * as it now stands, so a page redraws from the answer.
 */
export function meetingRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS
  const reads = { now: deps.now, rules }
  type Session = Parameters<typeof viewMeeting>[2]
  const view = (session: Session, meetingId: string) =>
    viewMeeting(repositories, reads, session, meetingId)

  /** An act on a meeting: parse, call the use case, answer the meeting as it now stands. */
  const meetingAct = <P extends z.ZodType<{ id: string }>, B extends z.ZodType>(
    app: Parameters<FastifyPluginAsyncZod>[0],
    path: string,
    summary: string,
    params: P,
    body: B,
    run: (session: Session, params: z.output<P>, body: z.output<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/meetings/:id/${path}`,
      {
        preHandler: signedIn,
        schema: { summary, params, body, response: { 200: meetingView, ...refusals } },
      },
      async (request) => {
        const session = sessionOf(request)
        const parsed = request.params as z.output<P>
        await run(session, parsed, request.body as z.output<B>)
        return view(session, parsed.id)
      },
    )

  return async (app) => {
    await registerOneFileUploads(app, MAX_ATTACHMENT_BYTES, ['/materials'])

    app.get(
      '/api/meeting-types',
      {
        preHandler: signedIn,
        schema: {
          summary: '本辖区规则库规定的会议种类',
          response: { 200: meetingTypesResponse, ...refusals },
        },
      },
      async (request) => listMeetingTypes(repositories, reads, sessionOf(request)),
    )

    app.get(
      '/api/meetings',
      {
        preHandler: signedIn,
        schema: {
          summary: '会议日历：本人可见的会议（默认前30天至后60天）',
          querystring: meetingRange,
          response: { 200: meetingSummary.array(), ...refusals },
        },
      },
      async (request) => {
        const today = shanghaiDateOf(deps.now().getTime())
        const from = request.query.from ?? addDays(today, -30)
        const to = request.query.to ?? addDays(today, 60)
        return listMeetings(repositories, reads, sessionOf(request), {
          from: `${from}T00:00:00+08:00`,
          before: `${addDays(to, 1)}T00:00:00+08:00`,
          mine: request.query.mine === 'true',
        })
      },
    )

    app.post(
      '/api/meetings',
      {
        preHandler: signedIn,
        schema: {
          summary: '安排会议（办公室）',
          body: scheduleMeetingBody,
          response: { 201: meetingView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const meeting = await scheduleMeeting(commands, session, request.body)
        return reply.code(201).send(await view(session, meeting.id))
      },
    )

    app.get(
      '/api/meetings/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '会议：议题及准入、参会与请假、法定人数、纪要、历史',
          params: meetingParams,
          response: { 200: meetingView, ...refusals },
        },
      },
      async (request) => view(sessionOf(request), request.params.id),
    )

    app.post(
      '/api/meetings/:id/items',
      {
        preHandler: signedIn,
        schema: {
          summary: '报送议题：答复规则库的准入判断及条文',
          params: meetingParams,
          body: submitItemBody,
          response: { 201: itemWithGate, ...refusals },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await submitAgendaItem(commands, sessionOf(request), {
            meetingId: request.params.id,
            ...request.body,
          }),
        ),
    )

    app.post(
      '/api/meetings/:id/items/:itemId/steps',
      {
        preHandler: signedIn,
        schema: {
          summary: '登记议题前置程序（合法性审查由司法部门登记…）',
          params: meetingItemParams,
          body: recordStepBody,
          response: { 200: itemWithGate, ...refusals },
        },
      },
      async (request) =>
        recordAgendaStep(commands, sessionOf(request), {
          meetingId: request.params.id,
          itemId: request.params.itemId,
          ...request.body,
        }),
    )

    meetingAct(
      app,
      'edit',
      '修改会议名称、时间、地点或主持人（会议开始前，办公室）',
      meetingParams,
      editMeetingBody,
      (session, params, body) => editMeeting(commands, session, { meetingId: params.id, ...body }),
    )
    meetingAct(
      app,
      'agenda/approve',
      '审定议题（县长/区长）',
      meetingParams,
      approveAgendaBody,
      (session, params, body) =>
        approveAgenda(commands, session, { meetingId: params.id, itemIds: body.itemIds }),
    )
    meetingAct(
      app,
      'items/:itemId/dissents',
      '会前向议题申报单位提出不同意见',
      meetingItemParams,
      dissentBody,
      (session, params, body) =>
        raiseAgendaDissent(commands, session, {
          meetingId: params.id,
          itemId: params.itemId,
          text: body.text,
        }),
    )
    meetingAct(
      app,
      'dissents/:dissentId/answer',
      '申报单位研究不同意见（不予采纳的报办公室）',
      meetingDissentParams,
      answerDissentBody,
      (session, params, body) =>
        answerAgendaDissent(commands, session, {
          meetingId: params.id,
          dissentId: params.dissentId,
          ...body,
        }),
    )
    meetingAct(
      app,
      'items/:itemId/withdraw',
      '申报单位在议题审定前撤回议题',
      meetingItemParams,
      withdrawItemBody,
      (session, params, body) =>
        withdrawAgendaItem(commands, session, {
          meetingId: params.id,
          itemId: params.itemId,
          ...body,
        }),
    )
    meetingAct(
      app,
      'leave',
      '会议请假（须明确代会人员的，按规则要求）',
      meetingParams,
      leaveBody,
      (session, params, body) =>
        requestMeetingLeave(commands, session, { meetingId: params.id, ...body }),
    )
    meetingAct(
      app,
      'leave/:postId/decide',
      '审批会议请假（会议召集人）',
      meetingParticipantParams,
      decideLeaveBody,
      (session, params, body) =>
        decideMeetingLeave(commands, session, {
          meetingId: params.id,
          postId: params.postId,
          approve: body.approve,
        }),
    )
    meetingAct(
      app,
      'open',
      '签到并宣布开会：不足法定人数的拒绝',
      meetingParams,
      openMeetingBody,
      (session, params, body) =>
        openMeeting(commands, session, {
          meetingId: params.id,
          presentPostIds: body.presentPostIds,
        }),
    )
    meetingAct(
      app,
      'notice',
      '发出会议通知及议题材料（办公室；规则规定提前时限的，记录是否按时）',
      meetingParams,
      emptyBody,
      (session, params) => sendMeetingNotice(commands, session, { meetingId: params.id }),
    )
    meetingAct(app, 'close', '散会：纪要时限起算', meetingParams, emptyBody, (session, params) =>
      closeMeeting(commands, session, { meetingId: params.id }),
    )

    app.post(
      '/api/meetings/:id/items/:itemId/decide',
      {
        preHandler: signedIn,
        schema: {
          summary: '记录议题决定；议定事项进入督查台账',
          params: meetingItemParams,
          body: decideItemBody,
          response: { 200: decidedItemResponse, ...refusals },
        },
      },
      async (request) =>
        decideAgendaItem(commands, sessionOf(request), {
          meetingId: request.params.id,
          itemId: request.params.itemId,
          ...request.body,
        }),
    )

    app.post(
      '/api/meetings/:id/items/:itemId/materials',
      {
        preHandler: signedIn,
        schema: {
          summary: '上传会议材料（议题申报单位，开会前；multipart/form-data，一个文件）',
          consumes: ['multipart/form-data'],
          params: meetingItemParams,
          response: { 201: materialUploaded, ...refusals, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const file = await readOneFile(request, MAX_ATTACHMENT_BYTES)
        try {
          const material = await attachAgendaMaterial(commands, sessionOf(request), {
            meetingId: request.params.id,
            itemId: request.params.itemId,
            ...file,
          })
          return reply.code(201).send(material)
        } catch (error) {
          throw withAttachmentStatus(error)
        }
      },
    )

    app.get(
      '/api/meetings/:id/items/:itemId/materials/:materialId',
      {
        preHandler: signedIn,
        schema: { summary: '下载会议材料（能查看该议题的人员）', params: meetingMaterialParams },
      },
      async (request, reply) => {
        const material = await downloadAgendaMaterial(repositories, reads, sessionOf(request), {
          meetingId: request.params.id,
          itemId: request.params.itemId,
          materialId: request.params.materialId,
        })
        return sendStoredFile(reply, material)
      },
    )

    app.post(
      '/api/meetings/:id/minutes',
      {
        preHandler: signedIn,
        schema: {
          summary: '起草会议纪要（按纪要规则审核签发）',
          params: meetingParams,
          response: { 201: minutesDraftResponse, ...refusals },
        },
      },
      async (request, reply) => {
        const document = await draftMeetingMinutes(commands, sessionOf(request), {
          meetingId: request.params.id,
        })
        return reply.code(201).send({ documentId: document.id, dueDate: document.dueDate })
      },
    )
  }
}
