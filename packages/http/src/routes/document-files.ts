import {
  attachFileToDocument,
  downloadDocumentAttachment,
  type ExportedPdf,
  exportDocumentPdf,
  listDocumentBodyVersions,
  MAX_ATTACHMENT_BYTES,
  type PdfConverter,
  PdfUnavailableError,
  reviseDocumentBody,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { errorBody, HttpError } from '../errors.ts'
import { libreOfficePdfConverter } from '../pdf-converter.ts'
import { documentParams } from './documents.contract.ts'
import {
  attachmentParams,
  attachmentUploaded,
  bodyRevised,
  bodyVersions,
  reviseBody,
} from './document-files.contract.ts'
import type { SessionRouteDeps } from './session.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import {
  contentDisposition,
  readOneFile,
  registerOneFileUploads,
  sendStoredFile,
  withAttachmentStatus,
} from './one-file-upload.ts'

export interface DocumentFileRouteDeps extends SessionRouteDeps {
  library: RulebookLibrary
  /** DOCX → PDF. Undefined: LibreOffice if `soffice` is on the PATH; null: none (503). */
  convertToPdf?: PdfConverter | null
  /** The attachment size cap; {@link MAX_ATTACHMENT_BYTES} unless a test sets a smaller one. */
  maxAttachmentBytes?: number
}

/**
 * The files of a document: attachments (附件: multipart upload, refused unless type, name and
 * bytes agree; download as the document is seen), body versions (正文版本) and their revision,
 * and the PDF. @fastify/multipart is registered here only, with the one-file, size-capped limits.
 */
export function documentFileRoutes(deps: DocumentFileRouteDeps): FastifyPluginAsyncZod {
  const { repositories, commands, signedIn } = documentRouteContext(deps)
  const convertToPdf =
    deps.convertToPdf === undefined ? libreOfficePdfConverter() : deps.convertToPdf
  const maxBytes = deps.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES
  const refusals = DOCUMENT_REFUSALS

  return async (app) => {
    await registerOneFileUploads(app, maxBytes, ['/attachments'])

    app.post(
      '/api/documents/:id/attachments',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '上传附件（multipart/form-data，一个文件；PDF、DOCX、XLSX、OFD、JPEG、PNG、纯文本）',
          consumes: ['multipart/form-data'],
          params: documentParams,
          response: { 201: attachmentUploaded, ...refusals, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        const file = await readOneFile(request, maxBytes)
        try {
          const attachment = await attachFileToDocument(commands, session, {
            documentId: request.params.id,
            ...file,
            maxBytes,
          })
          const [summary] = (await repositories.attachments.list(attachment.documentId)).filter(
            (candidate) => candidate.id === attachment.id,
          )
          reply.status(201)
          return { attachment: summary ?? { ...attachment, uploader: null } }
        } catch (error) {
          throw withAttachmentStatus(error)
        }
      },
    )

    app.get(
      '/api/documents/:id/attachments/:attachmentId',
      {
        preHandler: signedIn,
        schema: { summary: '下载附件（与公文同样的查看权限）', params: attachmentParams },
      },
      async (request, reply) => {
        const attachment = await downloadDocumentAttachment(
          repositories,
          deps,
          sessionOf(request),
          {
            documentId: request.params.id,
            attachmentId: request.params.attachmentId,
          },
        )
        return sendStoredFile(reply, attachment)
      },
    )

    app.get(
      '/api/documents/:id/versions',
      {
        preHandler: signedIn,
        schema: {
          summary: '正文版本（拟稿时为第 1 版，每次修改一版）',
          params: documentParams,
          response: { 200: bodyVersions, ...refusals },
        },
      },
      async (request) =>
        listDocumentBodyVersions(repositories, deps, sessionOf(request), request.params.id),
    )

    app.post(
      '/api/documents/:id/body',
      {
        preHandler: signedIn,
        schema: {
          summary: '修改正文（发文核稿期间，拟稿职务或当前核稿职务；签发后不可修改）',
          params: documentParams,
          body: reviseBody,
          response: { 200: bodyRevised, ...refusals },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        const version = await reviseDocumentBody(commands, session, {
          documentId: request.params.id,
          ...request.body,
        })
        const [saved] = (await repositories.bodyVersions.list(version.documentId)).filter(
          (candidate) => candidate.version === version.version,
        )
        return { version: saved ?? { ...version, savedBy: null } }
      },
    )

    app.get(
      '/api/documents/:id/pdf',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '按 GB/T 9704-2012 排版的公文（PDF，由 LibreOffice 转换）；缺少规定字体时以替代字体排版，响应头 x-font-notice 说明（URI 编码）',
          params: documentParams,
        },
      },
      async (request, reply) => {
        let file: ExportedPdf
        try {
          file = await exportDocumentPdf(
            repositories,
            { now: deps.now, convertToPdf },
            sessionOf(request),
            request.params.id,
          )
        } catch (error) {
          if (!(error instanceof PdfUnavailableError)) throw error
          if (error.cause) request.log.error({ err: error.cause }, 'PDF conversion failed')
          throw new HttpError(503, error.code, error.message)
        }
        // "本PDF使用替代字体：仿宋_GB2312 → FandolFang、…", URI-encoded: a header carries ASCII only.
        if (file.fontNotice) reply.header('x-font-notice', encodeURIComponent(file.fontNotice))
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes))
      },
    )
  }
}
