import assert from 'node:assert/strict'
import { DEMO_PASSWORD } from '@zhengling/db'
import type { FastifyInstance } from 'fastify'

export interface FilePart {
  fileName: string
  type: string
  content: Uint8Array
  /** The form field, "file" unless set. */
  field?: string
}

/** A multipart/form-data body as a browser sends it (file names as raw UTF-8). */
export function multipartBody(files: FilePart[], fields: Record<string, string> = {}) {
  const boundary = `----zhengling${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      Buffer.from(`${value}\r\n`),
    )
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ` +
          `filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    )
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/**
 * Signs a demo account in, like sign-in-as.ts, with helpers for file routes: uploads (one or
 * more file parts, or any raw body and content type) and downloads.
 */
export async function signInForFiles(app: FastifyInstance, username: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password: DEMO_PASSWORD },
  })
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')?.value
  const headers = { cookie: `zl_session=${cookie}`, 'x-csrf-token': response.json().csrfToken }
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: object = {}) =>
      app.inject({ method: 'POST', url, headers, payload }),
    put: (url: string, payload: object) => app.inject({ method: 'PUT', url, headers, payload }),
    upload: (url: string, files: FilePart[], fields?: Record<string, string>) => {
      const body = multipartBody(files, fields)
      return app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': body.contentType },
        payload: body.payload,
      })
    },
    raw: (url: string, contentType: string, payload: string | Buffer) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': contentType },
        payload,
      }),
  }
}
