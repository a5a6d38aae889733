import {
  citationsOf,
  acknowledgeDocument,
  describeDocument,
  describeActedDocument,
  type DocumentDeps,
  type DocumentState,
  reassignVacantTask,
  resubmitDocument,
  returnDocumentForRevision,
  remindOverdueCountersign,
  explainOverdueCountersign,
  circulateOverdueCountersign,
  voidDocument,
  withdrawDocument,
  archiveDocument,
  completeHandling,
  draftOutgoingDocument,
  exportDocumentDocx,
  issueOutgoingDocument,
  numberOutgoingDocument,
  replyCountersign,
  reviewOutgoingDocument,
  signOutgoingDocument,
  instructOnDocument,
  listInbox,
  listDocumentPrefixes,
  listScreeningConditions,
  proposeHandling,
  referDocument,
  registerIncomingDocument,
  searchDocuments,
  screenIncomingDocument,
  type SessionRecord,
  submitIncomingDocument,
} from '@zhengling/app'
import { shanghaiDateOf } from '@zhengling/rules'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { sessionOf } from '../auth.ts'
import {
  completeBody,
  archiveBody,
  countersignBody,
  reassignBody,
  resubmitBody,
  returnForRevisionBody,
  remindCountersignBody,
  explainCountersignBody,
  circulateCountersignBody,
  voidBody,
  withdrawBody,
  draftOutgoingBody,
  emptyBody,
  issueBody,
  reviewBody,
  signBody,
  documentParams,
  documentView,
  inboxQuery,
  inboxResponse,
  prefixesResponse,
  screeningConditionsResponse,
  instructBody,
  proposeBody,
  referBody,
  registerBody,
  screenBody,
  searchQuery,
  submitIncomingBody,
} from './documents.contract.ts'
import type { SessionRouteDeps } from './session.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'

/** Incoming documents (收文): each route parses, calls its use case, and answers the document. */
export function documentRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const refusals = DOCUMENT_REFUSALS

  async function view(session: SessionRecord, documentId: string) {
    return answer(
      await describeDocument(repositories, { now: deps.now, rules }, session, documentId),
    )
  }

  /** The document page with its citations and working days left. */
  function answer(viewed: Awaited<ReturnType<typeof describeDocument>>) {
    const ruleIds = viewed.events.flatMap((event) => event.ruleIds)
    const today = shanghaiDateOf(deps.now().getTime())
    const { dueDate, state } = viewed.document
    return {
      ...viewed,
      citations: citationsOf(rules, viewed.document.jurisdictionId, ruleIds, today),
      workingDaysLeft:
        dueDate && !['closed', 'archived', 'returned'].includes(state)
          ? rules.workingDaysLeft(viewed.document.jurisdictionId, today, dueDate)
          : null,
    }
  }

  return async (app) => {
    app.get(
      '/api/inbox',
      {
        preHandler: signedIn,
        schema: {
          summary: '待办、待阅（本人各职务及所在单位）',
          querystring: inboxQuery,
          response: { 200: inboxResponse, ...refusals },
        },
      },
      async (request) =>
        listInbox(repositories, { now: deps.now, rules }, sessionOf(request), request.query),
    )

    app.get(
      '/api/documents',
      {
        preHandler: signedIn,
        schema: {
          summary: '公文全文检索（中文分词；仅本人可见的公文）',
          querystring: searchQuery,
          response: { 200: inboxResponse.element.shape.document.array(), ...refusals },
        },
      },
      async (request) => searchDocuments(repositories, deps, sessionOf(request), request.query),
    )

    app.get(
      '/api/documents/:id/screening',
      {
        preHandler: signedIn,
        schema: {
          summary: '收文初审要审查的情形（按本辖区规则库）',
          params: documentParams,
          response: { 200: screeningConditionsResponse, ...refusals },
        },
      },
      async (request) =>
        listScreeningConditions(
          repositories,
          { now: deps.now, rules },
          sessionOf(request),
          request.params.id,
        ),
    )

    app.get(
      '/api/documents/prefixes',
      {
        preHandler: signedIn,
        schema: {
          summary: '本辖区的发文字号前缀（机关代字）',
          response: { 200: prefixesResponse, ...refusals },
        },
      },
      async (request) =>
        listDocumentPrefixes(repositories, { now: deps.now, rules }, sessionOf(request)),
    )

    app.post(
      '/api/documents/incoming',
      {
        preHandler: signedIn,
        schema: {
          summary: '部门、乡镇向政府报送公文（上行文）',
          body: submitIncomingBody,
          response: { 201: documentView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const document = await submitIncomingDocument(commands, session, request.body)
        reply.status(201)
        return view(session, document.id)
      },
    )

    app.get(
      '/api/documents/:id',
      {
        preHandler: signedIn,
        schema: {
          summary: '公文详情：正文、流转记录、待办、依据条文',
          params: documentParams,
          response: { 200: documentView, ...refusals },
        },
      },
      async (request) => view(sessionOf(request), request.params.id),
    )

    const act = <B>(
      path: string,
      summary: string,
      body: z.ZodType<B>,
      run: (
        session: SessionRecord,
        documentId: string,
        input: B,
        commands: DocumentDeps,
      ) => Promise<unknown>,
    ) =>
      app.post(
        `/api/documents/:id/${path}`,
        {
          preHandler: signedIn,
          schema: {
            summary,
            params: documentParams,
            body,
            response: { 200: documentView, ...refusals },
          },
        },
        async (request) => {
          const session = sessionOf(request)
          // The answer is the document as the act's transaction left it (no second read).
          let acted: DocumentState | undefined
          const onActed = (state: DocumentState) => {
            acted = state
          }
          await run(session, request.params.id, request.body as B, { ...commands, onActed })
          return acted?.document.id === request.params.id
            ? answer(
                await describeActedDocument(repositories, { now: deps.now, rules }, session, acted),
              )
            : view(session, request.params.id)
        },
      )

    app.get(
      '/api/documents/:id/docx',
      {
        preHandler: signedIn,
        schema: {
          summary: '按 GB/T 9704-2012 排版的公文（DOCX）',
          params: documentParams,
        },
      },
      async (request, reply) => {
        const file = await exportDocumentDocx(
          repositories,
          deps,
          sessionOf(request),
          request.params.id,
        )
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(Buffer.from(file.bytes))
      },
    )

    app.post(
      '/api/documents/outgoing',
      {
        preHandler: signedIn,
        schema: {
          summary: '拟稿：以政府或办公室名义发文（按规则确定核稿与签发）',
          body: draftOutgoingBody,
          response: { 201: documentView, ...refusals },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const document = await draftOutgoingDocument(commands, session, request.body)
        reply.status(201)
        return view(session, document.id)
      },
    )
    act('review', '核稿（审核签字）', reviewBody, (session, documentId, input, commands) =>
      reviewOutgoingDocument(commands, session, { documentId, ...input }),
    )
    act('countersign', '会签', countersignBody, (session, documentId, input, commands) =>
      replyCountersign(commands, session, { documentId, ...input }),
    )
    act('sign', '签发（仅规则规定的签发人）', signBody, (session, documentId, input, commands) =>
      signOutgoingDocument(commands, session, { documentId, ...input }),
    )
    act('number', '登记编号（发文字号）', emptyBody, (session, documentId, _input, commands) =>
      numberOutgoingDocument(commands, session, { documentId }),
    )
    act('issue', '用印、印发并确定公开属性', issueBody, (session, documentId, input, commands) =>
      issueOutgoingDocument(commands, session, { documentId, ...input }),
    )
    act(
      'acknowledge',
      '已阅（关闭待阅、退回通知）',
      emptyBody,
      (session, documentId, _input, commands) =>
        acknowledgeDocument(commands, session, { documentId }),
    )
    act(
      'archive',
      '归档（此后不可更改；可附归档意见）',
      archiveBody,
      (session, documentId, input, commands) =>
        archiveDocument(commands, session, { documentId, ...input }),
    )
    act(
      'register',
      '签收、登记（起算办理时限）',
      registerBody,
      (session, documentId, input, commands) =>
        registerIncomingDocument(commands, session, { documentId, ...input }),
    )
    act(
      'screen',
      '初审：受理或退回（说明理由及依据）',
      screenBody,
      (session, documentId, input, commands) =>
        screenIncomingDocument(commands, session, { documentId, ...input }),
    )
    act('propose', '拟办并按分工呈批', proposeBody, (session, documentId, input, commands) =>
      proposeHandling(commands, session, { documentId, ...input }),
    )
    act('instruct', '批示或圈阅', instructBody, (session, documentId, input, commands) =>
      instructOnDocument(commands, session, { documentId, ...input }),
    )
    act('refer', '转办承办单位', referBody, (session, documentId, input, commands) =>
      referDocument(commands, session, { documentId, ...input }),
    )
    act('complete', '承办单位办结并答复', completeBody, (session, documentId, input, commands) =>
      completeHandling(commands, session, { documentId, ...input }),
    )
    act(
      'withdraw',
      '撤回（拟稿或报送职务，下一环节办理前）',
      withdrawBody,
      (session, documentId, input, commands) =>
        withdrawDocument(commands, session, { documentId, ...input }),
    )
    act(
      'return-for-revision',
      '退回修改（核稿职务、签发人或会签单位，须写明意见）',
      returnForRevisionBody,
      (session, documentId, input, commands) =>
        returnDocumentForRevision(commands, session, { documentId, ...input }),
    )
    act(
      'countersign-remind',
      '催办逾期会签（规则规定的催办职务，如延津三十 综合股）',
      remindCountersignBody,
      (session, documentId, input, commands) =>
        remindOverdueCountersign(commands, session, { documentId, ...input }),
    )
    act(
      'countersign-explain',
      '逾期会签单位书面说明情况和理由（如二连浩特五十一）',
      explainCountersignBody,
      (session, documentId, input, commands) =>
        explainOverdueCountersign(commands, session, { documentId, ...input }),
    )
    act(
      'countersign-circulate',
      '通报逾期未会签且未书面说明的单位（如二连浩特五十一 办公厅）',
      circulateCountersignBody,
      (session, documentId, input, commands) =>
        circulateOverdueCountersign(commands, session, { documentId, ...input }),
    )
    act(
      'resubmit',
      '修改后重新送审（核稿从头开始）',
      resubmitBody,
      (session, documentId, input, commands) =>
        resubmitDocument(commands, session, { documentId, ...input }),
    )
    act(
      'void',
      '作废（办公室，须写明理由；已编号的不能作废）',
      voidBody,
      (session, documentId, input, commands) =>
        voidDocument(commands, session, { documentId, ...input }),
    )
    act(
      'reassign',
      '改派空缺职务的待办（办公室主任）',
      reassignBody,
      (session, documentId, input, commands) =>
        reassignVacantTask(commands, session, { documentId, ...input }),
    )
  }
}
