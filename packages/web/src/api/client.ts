import type { ApiErrorBody, Citation } from './types.ts'

/** A failed API call, carrying the server's Chinese message for the user. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly issues: { path: string; message: string }[]
  /** The articles a rule refused the act under, for the user to read alongside the message. */
  readonly citations: Citation[]

  constructor(
    status: number,
    code: string,
    message: string,
    issues: { path: string; message: string }[] = [],
    citations: Citation[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.issues = issues
    this.citations = citations
  }
}

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | undefined>
  signal?: AbortSignal
  /** The sign-in call answers 401 for a wrong password; that must not leave the login page. */
  allowUnauthorized?: boolean
}

let csrfToken: string | null = null
let unauthorizedHandler: (() => void) | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** The session provider registers this so that any 401 signs the user out and shows /login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'message' in error
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken

  let response: Response
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试')
  }

  const payload: unknown = await response.json().catch(() => undefined)
  if (response.ok) {
    // Something changed: the menu's counts of waiting work reload (layout/awaiting-counts.tsx).
    if (method !== 'GET' && typeof window !== 'undefined')
      window.dispatchEvent(new Event('zhengling:changed'))
    return payload as T
  }

  if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.()
  if (isErrorBody(payload)) {
    const { code, message, issues, citations } = payload.error
    throw new ApiError(response.status, code, message, issues, citations)
  }
  throw new ApiError(
    response.status,
    'HTTP_ERROR',
    `请求失败（HTTP ${response.status}），请稍后重试`,
  )
}

/**
 * A request whose body or answer is a file (multipart upload, PDF), sent with fetch directly: a
 * refusal still comes back as an ApiError with the server's message.
 */
export async function sendFile<T>(
  sent: Promise<Response>,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  let response: Response
  try {
    response = await sent
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试')
  }
  if (response.ok) return read(response)
  const payload: unknown = await response.json().catch(() => undefined)
  const error = (payload as Partial<ApiErrorBody> | undefined)?.error
  if (error?.message) throw new ApiError(response.status, error.code, error.message, error.issues)
  throw new ApiError(
    response.status,
    'HTTP_ERROR',
    `请求失败（HTTP ${response.status}），请稍后重试`,
  )
}
