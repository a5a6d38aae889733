import { request, sendFile } from './client.ts'
import type { ExternalReceipt, ExternalReceived, RegisterAccess } from './types.ts'

/**
 * 登记来文: the desk's record of a document received from outside, with its PDF/OFD originals,
 * as one multipart form (the `receipt` field and `scan` files). The server gives the 收文编号;
 * a refused field or file writes nothing.
 */
export function receiveExternal(
  receipt: ExternalReceipt,
  scans: File[],
  csrfToken: string,
): Promise<ExternalReceived> {
  const form = new FormData()
  form.append('receipt', JSON.stringify(receipt))
  for (const scan of scans) form.append('scan', scan, scan.name)
  return sendFile(
    fetch('/api/documents/received', {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    }),
    (response) => response.json() as Promise<ExternalReceived>,
  )
}

/** Whether the current post is the desk that registers 来文 (the rulebook's, with the article). */
export const fetchReceiptAccess = (signal?: AbortSignal) =>
  request<RegisterAccess>('GET', '/api/documents/received/access', { signal })

/** 来文单位 registered before, most used first: suggestions, the field stays free text. */
export const fetchExternalSenders = (signal?: AbortSignal) =>
  request<{ senders: string[] }>('GET', '/api/documents/external-senders', { signal })
