import {
  authenticateSession,
  csrfMatches,
  type IdentityRepository,
  type SessionRecord,
  SessionError,
} from '@zhengling/app'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './errors.ts'

export const SESSION_COOKIE = 'zl_session'

/** What a session whose password must be changed may still do (ADR 0021). */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  'GET /api/session',
  'DELETE /api/session',
  'POST /api/session/revoke-all',
  'PUT /api/session/password',
])

declare module 'fastify' {
  interface FastifyRequest {
    session?: SessionRecord
  }
}

/**
 * A preHandler for routes that need a signed-in user: an open session from the cookie, and for
 * anything but GET/HEAD, the CSRF token in `x-csrf-token` (the cookie alone proves nothing).
 */
export function requireSession(deps: {
  identity: () => IdentityRepository
  now: () => Date
  idleMinutes?: number
}) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    try {
      request.session = await authenticateSession(
        { identity: deps.identity(), now: deps.now, idleMinutes: deps.idleMinutes },
        request.cookies[SESSION_COOKIE],
      )
    } catch (error) {
      if (error instanceof SessionError) throw new HttpError(401, error.code, error.message)
      throw error
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const header = request.headers['x-csrf-token']
      if (!csrfMatches(request.session, typeof header === 'string' ? header : undefined)) {
        throw new HttpError(403, 'CSRF_REJECTED', '请求缺少有效的 CSRF 令牌，已拒绝')
      }
    }
    if (
      request.session.mustChangePassword &&
      !WHILE_PASSWORD_MUST_CHANGE.has(`${request.method} ${request.routeOptions.url}`)
    )
      throw new HttpError(
        403,
        'PASSWORD_CHANGE_REQUIRED',
        '密码已由管理员重置或已过期，请先修改密码',
      )
  }
}

/** The session a `requireSession` preHandler put on the request. */
export function sessionOf(request: FastifyRequest): SessionRecord {
  if (!request.session) throw new HttpError(401, 'SESSION_INVALID', '未登录')
  return request.session
}
