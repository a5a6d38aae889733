import { request } from './client.ts'
import type { DocumentView, InboxEntry, IncomingSubmission, Referral } from './types.ts'

const documentPath = (id: string, act = '') =>
  `/api/documents/${encodeURIComponent(id)}${act ? `/${act}` : ''}`

export const fetchInbox = (limit = 50, signal?: AbortSignal) =>
  request<InboxEntry[]>('GET', '/api/inbox', { query: { limit }, signal })

export const submitIncoming = (submission: IncomingSubmission) =>
  request<DocumentView>('POST', '/api/documents/incoming', { body: submission })

export const fetchDocument = (id: string, signal?: AbortSignal) =>
  request<DocumentView>('GET', documentPath(id), { signal })

export const registerDocument = (id: string, complex: boolean) =>
  request<DocumentView>('POST', documentPath(id, 'register'), { body: { complex } })

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
