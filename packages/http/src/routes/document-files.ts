import multipart from '@fastify/multipart'
import {
  attachFileToDocument,
  DomainError,
  downloadDocumentAttachment,
  exportDocumentPdf,
  formatBytes,
  listDocumentBodyVersions,
  MAX_ATTACHMENT_BYTES,
  type PdfConverter,
  PdfUnavailableError,
  reviseDocumentBody,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyError } from 'fastify'
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

export interface DocumentFileRouteDeps extends SessionRouteDeps {
  library: RulebookLibrary
  /** DOCX → PDF. Undefined: LibreOffice if `soffice` is on the PATH; null: none (503). */
  convertToPdf?: PdfConverter | null
  /** The attachment size cap; {@link MAX_ATTACHMENT_BYTES} unless a test sets a smaller one. */
  maxAttachmentBytes?: number
}

/** A refusal code of the attachment checks whose HTTP status is not the default 422. */
const ATTACHMENT_STATUS: Record<string, number> = {
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_TOO_LARGE: 413,
}

/** `attachment` with the name as UTF-8 (RFC 6266/5987) and an ASCII fallback for old clients. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
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
  const tooLarge = () =>
    new HttpError(413, 'ATTACHMENT_TOO_LARGE', `附件不能超过 ${formatBytes(maxBytes)}`)
  const refusals = DOCUMENT_REFUSALS

  /** The upload's errors from Fastify and @fastify/multipart, as Chinese refusals. */
  function uploadRefusal(error: FastifyError): HttpError | undefined {
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return new HttpError(
          415,
          'ATTACHMENT_NOT_MULTIPART',
          '请以 multipart/form-data 表单上传附件（一个文件）',
        )
      case 'FST_REQ_FILE_TOO_LARGE':
        return tooLarge()
      case 'FST_FILES_LIMIT':
        return new HttpError(400, 'ATTACHMENT_ONE_FILE', '一次只能上传一个文件')
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
      case 'FST_PROTO_VIOLATION':
      case 'FST_MP_PREMATURE_CLOSE':
        return new HttpError(400, 'ATTACHMENT_MALFORMED', '上传的表单格式有误，请重新选择文件上传')
      default:
        return undefined
    }
  }

  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12, headerPairs: 50 },
      throwFileSizeLimit: true,
    })
    // Errors raised before the handler runs (a body that is not multipart) are translated here;
    // everything else goes on to the server's error handler.
    app.setErrorHandler((error: FastifyError, request) => {
      if (request.routeOptions.url?.endsWith('/attachments')) {
        const refusal = uploadRefusal(error)
        if (refusal) throw refusal
      }
      throw error
    })

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
        if (!request.isMultipart())
          throw uploadRefusal({ code: 'FST_INVALID_MULTIPART_CONTENT_TYPE' } as FastifyError)
        let file: { fileName: string; declaredType: string; bytes: Uint8Array } | undefined
        try {
          for await (const part of request.parts()) {
            if (part.type !== 'file') continue
            file = {
              fileName: part.filename,
              declaredType: part.mimetype,
              bytes: new Uint8Array(await part.toBuffer()),
            }
          }
        } catch (error) {
          if (error instanceof HttpError) throw error
          // Busboy's own parse errors carry no status: a broken form is the client's, never a 500.
          throw (
            uploadRefusal(error as FastifyError) ??
            new HttpError(400, 'ATTACHMENT_MALFORMED', '上传的表单格式有误，请重新选择文件上传')
          )
        }
        if (!file) throw new HttpError(400, 'ATTACHMENT_MISSING', '请选择要上传的文件')
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
          const status = error instanceof DomainError ? ATTACHMENT_STATUS[error.code] : undefined
          if (status && error instanceof DomainError)
            throw new HttpError(status, error.code, error.message)
          throw error
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
        return reply
          .type(attachment.mediaType)
          .header('content-disposition', contentDisposition(attachment.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(attachment.content))
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
          summary: '按 GB/T 9704-2012 排版的公文（PDF，由 LibreOffice 转换）',
          params: documentParams,
        },
      },
      async (request, reply) => {
        let file: { fileName: string; bytes: Uint8Array }
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
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes))
      },
    )
  }
}
