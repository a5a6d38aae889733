import { request } from './client.ts'

/** 常用批示语: the person's own list, or the defaults until they keep one. */
export interface InstructionPhrases {
  phrases: string[]
  defaults: boolean
}

export const fetchInstructionPhrases = (signal?: AbortSignal) =>
  request<InstructionPhrases>('GET', '/api/me/instruction-phrases', { signal })

export const saveInstructionPhrases = (phrases: string[]) =>
  request<InstructionPhrases>('PUT', '/api/me/instruction-phrases', { body: { phrases } })

/** What 圈阅 of several documents did: the ones read, and each one refused with the reason. */
export interface AcknowledgeManyResult {
  read: { documentId: string; title: string }[]
  refused: { documentId: string; title: string | null; code: string; message: string }[]
}

export const acknowledgeDocuments = (documentIds: string[]) =>
  request<AcknowledgeManyResult>('POST', '/api/inbox/acknowledge', { body: { documentIds } })

/** The 文件处理笺 (incoming) or 发文稿纸 (outgoing) of a document. */
export interface HandlingSheet {
  documentId: string
  direction: 'incoming' | 'outgoing'
  heading: string
  fields: { key: string; label: string; value: string; wide?: boolean }[]
  boxes: {
    key: string
    label: string
    entries: { text: string; by: string | null; on: string }[]
  }[]
  state: string
}

export const fetchHandlingSheet = (id: string, signal?: AbortSignal) =>
  request<HandlingSheet>('GET', `/api/documents/${encodeURIComponent(id)}/handling-sheet`, {
    signal,
  })
