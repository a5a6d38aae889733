import { request, sendFile } from './client.ts'
import type {
  AttachmentSummary,
  BodyVersion,
  Citation,
  Disclosure,
  DocumentPrefix,
  DocumentView,
  InboxEntry,
  IncomingSubmission,
  OutgoingDraft,
  Referral,
} from './types.ts'

const documentPath = (id: string, act = '') =>
  `/api/documents/${encodeURIComponent(id)}${act ? `/${act}` : ''}`

export const fetchInbox = (limit = 50, signal?: AbortSignal) =>
  request<InboxEntry[]>('GET', '/api/inbox', { query: { limit }, signal })

export const submitIncoming = (submission: IncomingSubmission) =>
  request<DocumentView>('POST', '/api/documents/incoming', { body: submission })

export const fetchDocument = (id: string, signal?: AbortSignal) =>
  request<DocumentView>('GET', documentPath(id), { signal })

export const registerDocument = (
  id: string,
  facts: { complex: boolean; normativeDocument: boolean },
) => request<DocumentView>('POST', documentPath(id, 'register'), { body: facts })

export const screenDocument = (id: string, findings: Record<string, boolean>) =>
  request<DocumentView>('POST', documentPath(id, 'screen'), { body: { findings } })

export const proposeHandling = (
  id: string,
  proposal: { opinion: string; concernedDepartmentIds: string[]; major: boolean },
) => request<DocumentView>('POST', documentPath(id, 'propose'), { body: proposal })

export const instructOnDocument = (
  id: string,
  instruction: { text: string } | { circleRead: true },
) => request<DocumentView>('POST', documentPath(id, 'instruct'), { body: instruction })

export const referDocument = (id: string, referral: Referral) =>
  request<DocumentView>('POST', documentPath(id, 'refer'), { body: referral })

export const completeHandling = (id: string, result: string) =>
  request<DocumentView>('POST', documentPath(id, 'complete'), { body: { result } })

/** The jurisdiction's numbering prefixes, for the 拟稿 form. */
export const fetchDocumentPrefixes = (signal?: AbortSignal) =>
  request<DocumentPrefix[]>('GET', '/api/documents/prefixes', { signal })

export const draftOutgoing = (draft: OutgoingDraft) =>
  request<DocumentView>('POST', '/api/documents/outgoing', { body: draft })

export const reviewDocument = (id: string, opinion: string) =>
  request<DocumentView>('POST', documentPath(id, 'review'), { body: { opinion } })

export const replyCountersign = (id: string, reply: { agree: boolean; opinion?: string }) =>
  request<DocumentView>('POST', documentPath(id, 'countersign'), { body: reply })

export const signDocument = (id: string, opinion?: string) =>
  request<DocumentView>('POST', documentPath(id, 'sign'), { body: { opinion } })

export const numberDocument = (id: string) =>
  request<DocumentView>('POST', documentPath(id, 'number'), { body: {} })

export const issueDocument = (
  id: string,
  issue: { disclosure: Disclosure; disclosureReason?: string },
) => request<DocumentView>('POST', documentPath(id, 'issue'), { body: issue })

export const archiveDocument = (id: string, opinion?: string) =>
  request<DocumentView>('POST', documentPath(id, 'archive'), { body: { opinion } })

/** 撤回 by the drafting or submitting post, before the next step acts. */
export const withdrawDocument = (id: string, reason?: string) =>
  request<DocumentView>('POST', documentPath(id, 'withdraw'), { body: { reason } })

/** 退回修改 at 核稿 or 签发 (or by a unit asked to countersign): the opinion goes to the drafter. */
export const returnForRevision = (id: string, opinion: string) =>
  request<DocumentView>('POST', documentPath(id, 'return-for-revision'), { body: { opinion } })

/** 催办 of an overdue 会签 by the rule's reminder desk, with the date it must now reply by. */
export const remindCountersign = (
  id: string,
  input: { departmentId: string; dueDate?: string; opinion?: string },
) => request<DocumentView>('POST', documentPath(id, 'countersign-remind'), { body: input })

/** 书面说明 by the unit whose 会签 is overdue: the situation and reasons. */
export const explainCountersign = (id: string, explanation: string) =>
  request<DocumentView>('POST', documentPath(id, 'countersign-explain'), {
    body: { explanation },
  })

/** 通报 of a unit whose 会签 is overdue and unexplained, by the rule's office. */
export const circulateCountersign = (id: string, departmentId: string) =>
  request<DocumentView>('POST', documentPath(id, 'countersign-circulate'), {
    body: { departmentId },
  })

/** 重新送审 after 撤回 or 退回修改: the 核稿 chain starts again. */
export const resubmitDocument = (id: string, note?: string) =>
  request<DocumentView>('POST', documentPath(id, 'resubmit'), { body: { note } })

/** 作废 by the office, with the reason; a numbered document is refused. */
export const voidDocument = (id: string, reason: string) =>
  request<DocumentView>('POST', documentPath(id, 'void'), { body: { reason } })

/** 改派 of a task waiting on a vacant post to another post. */
export const reassignTask = (
  id: string,
  reassignment: { taskId: string; postId: string; reason: string },
) => request<DocumentView>('POST', documentPath(id, 'reassign'), { body: reassignment })

/** 已阅: closes the 待阅 notices addressed to the current post or its unit. */
export const acknowledgeDocument = (id: string) =>
  request<DocumentView>('POST', documentPath(id, 'acknowledge'), { body: {} })

/** The document laid out per GB/T 9704, downloaded by the browser with the session cookie. */
export const documentDocxUrl = (id: string) => documentPath(id, 'docx')

/** One thing 初审 asks about, as the jurisdiction's rulebook lists it. */
export interface ScreeningCondition {
  code: string
  label: string
  /** The record already shows it (two main recipients, no 签发人): ticked from the start. */
  foundOnRecord: boolean
  citations: Citation[]
}

export const fetchScreeningConditions = (id: string, signal?: AbortSignal) =>
  request<ScreeningCondition[]>('GET', documentPath(id, 'screening'), { signal })

/** An attachment's bytes, downloaded by the browser with the session cookie. */
export const attachmentUrl = (id: string, attachmentId: string) =>
  `${documentPath(id, 'attachments')}/${encodeURIComponent(attachmentId)}`

/**
 * 上传附件: one file as multipart/form-data. The JSON client cannot send a form, so this call
 * carries the CSRF token itself; a refusal comes back as an ApiError with the server's message.
 */
export async function uploadAttachment(
  id: string,
  file: File,
  csrfToken: string,
): Promise<{ attachment: AttachmentSummary }> {
  const form = new FormData()
  form.append('file', file, file.name)
  return sendFile(
    fetch(documentPath(id, 'attachments'), {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    }),
    (response) => response.json() as Promise<{ attachment: AttachmentSummary }>,
  )
}

/**
 * The document as PDF; refused with 503 PDF_UNAVAILABLE when the server has no LibreOffice.
 * fontNotice: "本PDF使用替代字体：仿宋_GB2312 → …" when the server lacked a GB/T 9704 font.
 */
export const fetchDocumentPdf = (id: string) =>
  sendFile(fetch(documentPath(id, 'pdf'), { credentials: 'same-origin' }), async (response) => {
    const notice = response.headers.get('x-font-notice')
    return { blob: await response.blob(), fontNotice: notice ? decodeURIComponent(notice) : null }
  })

/** 正文版本, oldest first. */
export const fetchBodyVersions = (id: string, signal?: AbortSignal) =>
  request<BodyVersion[]>('GET', documentPath(id, 'versions'), { signal })

/** 修改正文 of an outgoing draft under review: saved as the next version. */
export const reviseDocumentBody = (id: string, revision: { title?: string; body: string }) =>
  request<{ version: BodyVersion }>('POST', documentPath(id, 'body'), { body: revision })
