import { shanghaiDateOf } from '@zhengling/rules'
import {
  describeSession,
  type Hasher,
  logIn,
  LoginError,
  logOut,
  logOutEverywhere,
  type PasswordHasher,
  secondStepOf,
  sha256,
  switchPost,
} from '@zhengling/app'
import { createInTransaction, createRepositories, type Database } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { requireSession, SESSION_COOKIE, sessionOf } from '../auth.ts'
import { pendingLogin } from './second-factor.contract.ts'
import type { SecondFactorConfig } from './second-factor.ts'
import { errorBody, HttpError } from '../errors.ts'
import { loginBody, revokedCount, sessionInfo, switchPostBody } from './session.contract.ts'

export interface SessionRouteDeps {
  db: Kysely<Database>
  passwords: PasswordHasher
  hasher: Hasher
  now: () => Date
  secureCookies: boolean
  /** The second factor's sealing key and seams (ADR 0022); a key made per process if absent. */
  secondFactor?: SecondFactorConfig
}

const LOGIN_STATUS: Record<string, number> = { ACCOUNT_LOCKED: 423, TOO_MANY_ATTEMPTS: 429 }

/** Log in, see who you are, switch post, log out, log out everywhere. */
export function sessionRoutes(deps: SessionRouteDeps): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const commands = {
    inTransaction: createInTransaction(deps.db),
    hasher: deps.hasher,
    now: deps.now,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const describe = (session: Parameters<typeof describeSession>[1]) =>
    describeSession({ organisation: repositories.organisation, now: deps.now }, session)
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
          response: {
            200: sessionInfo,
            202: pendingLogin,
            401: errorBody,
            423: errorBody,
            429: errorBody,
          },
        },
      },
      async (request, reply) => {
        try {
          const opened = await logIn(
            {
              ...commands,
              passwords: deps.passwords,
              clientAddress: request.ip,
              secondStep: secondStepOf(commands),
            },
            request.body,
          )
          // A second factor to show (or to enrol first): no session yet.
          if ('secondFactor' in opened) return reply.status(202).send(opened)
          reply.setCookie(SESSION_COOKIE, opened.token, {
            ...cookie,
            expires: new Date(opened.expiresAt),
          })
          // With the person's facts of today in the same read (describe asks nothing more).
          const session = await repositories.identity.sessionById(
            sha256(opened.token),
            shanghaiDateOf(deps.now().getTime()),
          )
          if (!session) throw new HttpError(401, 'SESSION_INVALID', '登录未能完成，请重试')
          return describe({ ...session, csrfToken: opened.csrfToken })
        } catch (error) {
          if (error instanceof LoginError)
            throw new HttpError(LOGIN_STATUS[error.code] ?? 401, error.code, error.message)
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
      async (request) => describe(sessionOf(request)),
    )

    app.put(
      '/api/session/post',
      {
        preHandler: signedIn,
        schema: {
          summary: '切换当前职务（本人担任或代理的职务）',
          body: switchPostBody,
          response: { 200: sessionInfo, 401: errorBody, 403: errorBody },
        },
      },
      async (request) => {
        const session = sessionOf(request)
        await switchPost(commands, session, request.body.postId)
        return describe({ ...session, currentPostId: request.body.postId })
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
        await logOut(commands, sessionOf(request))
        reply.clearCookie(SESSION_COOKIE, cookie) // the flags it was set with
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
        const revoked = await logOutEverywhere(commands, sessionOf(request))
        reply.clearCookie(SESSION_COOKIE, cookie) // the flags it was set with
        return { revoked }
      },
    )
  }
}
