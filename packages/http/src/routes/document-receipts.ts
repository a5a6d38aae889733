import {
  listExternalSenders,
  MAX_ATTACHMENT_BYTES,
  MAX_SCANS,
  receiptAccess,
  receiveExternalDocument,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sessionOf } from '../auth.ts'
import { errorBody, HttpError } from '../errors.ts'
import {
  externalReceived,
  externalSendersResponse,
  receiptAccessResponse,
  receiveExternalBody,
} from './document-receipts.contract.ts'
import { DOCUMENT_REFUSALS, documentRouteContext } from './document-route-context.ts'
import { readFormParts, registerOneFileUploads, withAttachmentStatus } from './one-file-upload.ts'
import type { SessionRouteDeps } from './session.ts'

const RECEIVE_PATH = '/api/documents/received'

/** The contract's refusal of the form's `receipt` field, worded as a schema refusal is. */
function parseReceipt(value: unknown) {
  const parsed = receiveExternalBody.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => ({
    path: `/${issue.path.join('/')}`,
    message: issue.message,
  }))
  throw new HttpError(
    400,
    'INVALID_INPUT',
    `请求有误：${issues.map((issue) => issue.message).join('；')}`,
    issues,
  )
}

/**
 * 登记来文 (documents received from 上级机关, other organs, on paper) by the desk that registers
 * incoming documents: JSON, or multipart with the `receipt` field and up to {@link MAX_SCANS}
 * `scan` files (PDF or OFD); and the 来文单位 written before, as suggestions.
 */
export function documentReceiptRoutes(
  deps: SessionRouteDeps & { library: RulebookLibrary; maxAttachmentBytes?: number },
): FastifyPluginAsyncZod {
  const { repositories, rules, commands, signedIn } = documentRouteContext(deps)
  const maxBytes = deps.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES

  return async (app) => {
    await registerOneFileUploads(app, maxBytes, [RECEIVE_PATH], MAX_SCANS)

    app.post(
      RECEIVE_PATH,
      {
        preHandler: signedIn,
        schema: {
          summary:
            '登记来文（上级机关、其他机关来文或纸质来文）：JSON，或 multipart 表单的 receipt 字段（JSON）与 scan 文件（PDF、OFD 原件，至多 5 个）；给出收文编号',
          consumes: ['application/json', 'multipart/form-data'],
          response: {
            201: externalReceived,
            ...DOCUMENT_REFUSALS,
            413: errorBody,
            415: errorBody,
          },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request)
        let receipt: unknown = request.body
        let scans: { fileName: string; declaredType: string; bytes: Uint8Array }[] = []
        if (request.isMultipart()) {
          const form = await readFormParts(request, maxBytes, MAX_SCANS)
          try {
            receipt = JSON.parse(form.fields.receipt ?? '')
          } catch {
            throw new HttpError(400, 'INVALID_INPUT', '表单缺少登记内容（receipt 字段应为 JSON）')
          }
          scans = form.files.map(({ fileName, declaredType, bytes }) => ({
            fileName,
            declaredType,
            bytes,
          }))
        }
        try {
          const { document, attachments } = await receiveExternalDocument(
            commands,
            session,
            { ...parseReceipt(receipt), scans },
            { maxBytes },
          )
          reply.status(201)
          return {
            id: document.id,
            receiptNumber: document.receiptNumber as string,
            state: document.state,
            dueDate: document.dueDate,
            attachments: attachments.map(({ id, name, mediaType, sizeBytes }) => ({
              id,
              name,
              mediaType,
              sizeBytes,
            })),
          }
        } catch (error) {
          throw withAttachmentStatus(error)
        }
      },
    )

    app.get(
      '/api/documents/received/access',
      {
        preHandler: signedIn,
        schema: {
          summary: '当前职务能否登记来文（及依据条文）',
          response: { 200: receiptAccessResponse, ...DOCUMENT_REFUSALS },
        },
      },
      async (request) => receiptAccess(repositories, { now: deps.now, rules }, sessionOf(request)),
    )

    app.get(
      '/api/documents/external-senders',
      {
        preHandler: signedIn,
        schema: {
          summary: '登记过的来文单位（常用在前），供登记来文时选择',
          response: { 200: externalSendersResponse, ...DOCUMENT_REFUSALS },
        },
      },
      async (request) => ({
        senders: await listExternalSenders(repositories, deps, sessionOf(request)),
      }),
    )
  }
}
