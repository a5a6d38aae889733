import { logIn, LoginError, logOutEverywhere, type PasswordHasher } from '@zhengling/app'
import { createIdentityRepository, type Database } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { requireSession, SESSION_COOKIE } from '../auth.ts'
import { errorBody, HttpError } from '../errors.ts'
import { loginBody, revokedCount, sessionInfo } from './session.contract.ts'

export interface SessionRouteDeps {
  db: Kysely<Database>
  passwords: PasswordHasher
  now: () => Date
  secureCookies: boolean
}

/** Log in, see who you are, log out, log out everywhere. */
export function sessionRoutes(deps: SessionRouteDeps): FastifyPluginAsyncZod {
  const identity = () => createIdentityRepository(deps.db)
  const signedIn = requireSession({ identity, now: deps.now })
  const cookie = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.secureCookies,
    path: '/api',
  }

  return async (app) => {
    app.post(
      '/api/session',
      {
        schema: {
          summary: '登录',
          body: loginBody,
          response: { 200: sessionInfo, 401: errorBody, 423: errorBody },
        },
      },
      async (request, reply) => {
        try {
          const session = await logIn(
            { identity: identity(), passwords: deps.passwords, now: deps.now },
            request.body,
          )
          reply.setCookie(SESSION_COOKIE, session.token, {
            ...cookie,
            expires: new Date(session.expiresAt),
          })
          return {
            username: request.body.username,
            adminRole: session.adminRole,
            expiresAt: session.expiresAt,
            csrfToken: session.csrfToken,
          }
        } catch (error) {
          if (error instanceof LoginError)
            throw new HttpError(
              error.code === 'ACCOUNT_LOCKED' ? 423 : 401,
              error.code,
              error.message,
            )
          throw error
        }
      },
    )

    app.get(
      '/api/session',
      {
        preHandler: signedIn,
        schema: { summary: '当前登录信息', response: { 200: sessionInfo, 401: errorBody } },
      },
      async (request) => {
        const session = request.session as NonNullable<typeof request.session>
        return {
          username: session.username,
          adminRole: session.adminRole,
          expiresAt: session.expiresAt,
        }
      },
    )

    app.delete(
      '/api/session',
      {
        preHandler: signedIn,
        schema: {
          summary: '退出登录',
          response: { 200: revokedCount, 401: errorBody, 403: errorBody },
        },
      },
      async (request, reply) => {
        await identity().revokeSession(
          (request.session as NonNullable<typeof request.session>).id,
          deps.now().toISOString(),
        )
        reply.clearCookie(SESSION_COOKIE, { path: '/api' })
        return { revoked: 1 }
      },
    )

    app.post(
      '/api/session/revoke-all',
      {
        preHandler: signedIn,
        schema: {
          summary: '在所有设备上退出登录',
          response: { 200: revokedCount, 401: errorBody, 403: errorBody },
        },
      },
      async (request, reply) => {
        const revoked = await logOutEverywhere(
          { identity: identity(), now: deps.now },
          (request.session as NonNullable<typeof request.session>).accountId,
        )
        reply.clearCookie(SESSION_COOKIE, { path: '/api' })
        return { revoked }
      },
    )
  }
}
