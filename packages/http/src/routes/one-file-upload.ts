import multipart from '@fastify/multipart'
import { DomainError, formatBytes } from '@zhengling/app'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../errors.ts'

/** A refusal code of the attachment checks whose HTTP status is not the default 422. */
const ATTACHMENT_STATUS: Record<string, number> = {
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_TOO_LARGE: 413,
  // A ZIP package past the inflation limits (zip bombs): too large once inflated.
  ARCHIVE_TOO_LARGE: 413,
  ARCHIVE_TOO_MANY_ENTRIES: 413,
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

const malformed = () =>
  new HttpError(400, 'ATTACHMENT_MALFORMED', '上传的表单格式有误，请重新选择文件上传')

/** The upload's errors from Fastify and @fastify/multipart, as Chinese refusals. */
function uploadRefusal(error: FastifyError, maxBytes: number, files = 1): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new HttpError(
        415,
        'ATTACHMENT_NOT_MULTIPART',
        '请以 multipart/form-data 表单上传附件（一个文件）',
      )
    case 'FST_REQ_FILE_TOO_LARGE':
      return new HttpError(413, 'ATTACHMENT_TOO_LARGE', `附件不能超过 ${formatBytes(maxBytes)}`)
    case 'FST_FILES_LIMIT':
      return files === 1
        ? new HttpError(400, 'ATTACHMENT_ONE_FILE', '一次只能上传一个文件')
        : new HttpError(400, 'ATTACHMENT_TOO_MANY_FILES', `一次最多上传${files}个文件`)
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return malformed()
    default:
      return undefined
  }
}

/**
 * Registers @fastify/multipart in this plugin's scope with one-file, size-capped limits, and
 * turns errors raised before a handler runs (a body that is not multipart) into refusals for the
 * routes that take uploads (`uploadPaths`); everything else goes on to the server's handler.
 */
export async function registerOneFileUploads(
  app: FastifyInstance,
  maxBytes: number,
  uploadPaths: readonly string[],
  /** Files one request may carry (a registration's several originals); one unless set. */
  files = 1,
): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files, fields: 10, parts: files + 11, headerPairs: 50 },
    throwFileSizeLimit: true,
  })
  app.setErrorHandler((error: FastifyError, request) => {
    if (uploadPaths.some((path) => request.routeOptions.url?.endsWith(path))) {
      const refusal = uploadRefusal(error, maxBytes, files)
      if (refusal) throw refusal
    }
    throw error
  })
}

/** The one file of a multipart request, or a Chinese refusal — never a 500 for a broken form. */
export async function readOneFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; declaredType: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw uploadRefusal({ code: 'FST_INVALID_MULTIPART_CONTENT_TYPE' } as FastifyError, maxBytes)
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
    // Busboy's own parse errors carry no status: a broken form is the client's.
    throw uploadRefusal(error as FastifyError, maxBytes) ?? malformed()
  }
  if (!file) throw new HttpError(400, 'ATTACHMENT_MISSING', '请选择要上传的文件')
  return file
}

/**
 * The text fields and files of a multipart request (several files allowed, as registered), or a
 * Chinese refusal — never a 500 for a broken form.
 */
export async function readFormParts(
  request: FastifyRequest,
  maxBytes: number,
  files: number,
): Promise<{
  fields: Record<string, string>
  files: { field: string; fileName: string; declaredType: string; bytes: Uint8Array }[]
}> {
  const form = {
    fields: {} as Record<string, string>,
    files: [] as { field: string; fileName: string; declaredType: string; bytes: Uint8Array }[],
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file')
        form.files.push({
          field: part.fieldname,
          fileName: part.filename,
          declaredType: part.mimetype,
          bytes: new Uint8Array(await part.toBuffer()),
        })
      else form.fields[part.fieldname] = String(part.value)
    }
  } catch (error) {
    if (error instanceof HttpError) throw error
    throw uploadRefusal(error as FastifyError, maxBytes, files) ?? malformed()
  }
  return form
}

/** The attachment checks' refusals with their own statuses (415 type, 413 size). */
export function withAttachmentStatus(error: unknown): unknown {
  const status = error instanceof DomainError ? ATTACHMENT_STATUS[error.code] : undefined
  return status && error instanceof DomainError
    ? new HttpError(status, error.code, error.message)
    : error
}

/**
 * Answers a stored file as a download: its own type, its name as sent, never sniffed as
 * something else and never cached by a shared cache.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { name: string; mediaType: string; content: Uint8Array },
) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content))
}
