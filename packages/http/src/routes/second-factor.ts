import { randomBytes } from 'node:crypto'
import {
  confirmEnrolment,
  ConflictError,
  createSm4SecretBox,
  csrfTokenOf,
  describeSession,
  LoginError,
  type OpenedSession,
  resetSecondFactor,
  type SecondFactorDeps,
  SecondFactorError,
  secondFactorStatus,
  setSecondFactorRequired,
  sha256,
  startEnrolment,
  verifySecondFactor,
} from '@zhengling/app'
import { createInTransaction, createRepositories } from '@zhengling/db'
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import QRCode from 'qrcode'
import { requireSession, SESSION_COOKIE, sessionOf } from '../auth.ts'
import { errorBody, HttpError } from '../errors.ts'
import { accountParams } from './accounts.contract.ts'
import {
  challengeBody,
  confirmBody,
  confirmedEnrolment,
  enrolment,
  ownConfirmBody,
  requiredBody,
  requiredResult,
  resetResult,
  secondFactorBody,
  secondFactorStatus as statusBody,
} from './second-factor.contract.ts'
import { sessionInfo } from './session.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/** The second factor's configuration (ADR 0022): the sealing key, and test seams. */
export interface SecondFactorConfig {
  /** 64 hex digits: SM4 key and HMAC-SM3 key for the TOTP secrets at rest. */
  key: string
  /** The clock codes are checked against (tests move it on per sign-in); the server's by default. */
  authenticatorNow?: () => Date
  /** The secret a new enrolment gets (tests derive it from the username); random by default. */
  newSecret?: (username: string) => string
}

/**
 * Without a configured key (tests that do not care, embedded runs), one made for this process:
 * factors enrolled under it do not open after a restart (their recovery codes still do).
 */
const PROCESS_KEY = randomBytes(32).toString('hex')

/** The deps every second-factor use case takes, from the session routes' deps. */
export function secondFactorDeps(deps: SessionRouteDeps): SecondFactorDeps {
  const config = deps.secondFactor ?? { key: PROCESS_KEY }
  return {
    inTransaction: createInTransaction(deps.db),
    hasher: deps.hasher,
    now: deps.now,
    box: createSm4SecretBox(config.key),
    authenticatorNow: config.authenticatorNow,
    newSecret: config.newSecret,
  }
}

/** Second-step refusals at the edge: a wrong or spent code 401, a closed challenge 401. */
function refusal(error: unknown): never {
  if (error instanceof SecondFactorError) throw new HttpError(401, error.code, error.message)
  if (error instanceof LoginError)
    throw new HttpError(error.code === 'ACCOUNT_LOCKED' ? 423 : 401, error.code, error.message)
  if (error instanceof ConflictError) throw new HttpError(409, error.code, error.message)
  throw error
}

/**
 * The second step of signing in (a code, or enrolling first), a person's own 两步验证, and the
 * security admin's requirement and reset.
 */
export function secondFactorRoutes(deps: SessionRouteDeps): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const factorDeps = secondFactorDeps(deps)
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const opened = async (reply: FastifyReply, session: OpenedSession) => {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/api',
      expires: new Date(session.expiresAt),
    })
    const record = await repositories.identity.sessionById(sha256(session.token))
    if (!record) throw new HttpError(401, 'SESSION_INVALID', '登录未能完成，请重试')
    return describeSession(
      { organisation: repositories.organisation, now: deps.now },
      { ...record, csrfToken: csrfTokenOf(session.token) },
    )
  }
  const withQr = async (started: { secret: string; otpauthUri: string }) => ({
    ...started,
    qrDataUrl: await QRCode.toDataURL(started.otpauthUri, { margin: 1, width: 240 }),
  })

  return async (app) => {
    app.post(
      '/api/session/second-factor',
      {
        schema: {
          summary: '登录第二步：输入验证器的 6 位验证码或恢复码',
          body: secondFactorBody,
          response: { 200: sessionInfo, 401: errorBody, 423: errorBody },
        },
      },
      async (request, reply) => {
        const session = await verifySecondFactor(factorDeps, request.body).catch(refusal)
        return opened(reply, session)
      },
    )

    app.post(
      '/api/session/enrolment',
      {
        schema: {
          summary: '登录时设置两步验证：生成密钥与二维码',
          body: challengeBody,
          response: { 200: enrolment, 401: errorBody, 409: errorBody },
        },
      },
      async (request) =>
        withQr(
          await startEnrolment(factorDeps, { challenge: request.body.challenge }).catch(refusal),
        ),
    )

    app.post(
      '/api/session/enrolment/confirm',
      {
        schema: {
          summary: '登录时设置两步验证：输入验证码确认，得到恢复码并登录',
          body: confirmBody,
          response: { 200: confirmedEnrolment, 401: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const result = await confirmEnrolment(
          factorDeps,
          { challenge: request.body.challenge },
          request.body.code,
        ).catch(refusal)
        return {
          recoveryCodes: result.recoveryCodes,
          session: result.opened ? await opened(reply, result.opened) : null,
        }
      },
    )

    app.get(
      '/api/account/second-factor',
      {
        preHandler: signedIn,
        schema: { summary: '本人的两步验证状态', response: { 200: statusBody, 401: errorBody } },
      },
      async (request) => secondFactorStatus(factorDeps, sessionOf(request)),
    )

    app.post(
      '/api/account/second-factor/enrolment',
      {
        preHandler: signedIn,
        schema: {
          summary: '启用两步验证：生成密钥与二维码',
          response: { 200: enrolment, 401: errorBody, 403: errorBody, 409: errorBody },
        },
      },
      async (request) =>
        withQr(await startEnrolment(factorDeps, { session: sessionOf(request) }).catch(refusal)),
    )

    app.post(
      '/api/account/second-factor/confirm',
      {
        preHandler: signedIn,
        schema: {
          summary: '启用两步验证：输入验证码确认，得到恢复码',
          body: ownConfirmBody,
          response: { 200: confirmedEnrolment, 401: errorBody, 403: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const result = await confirmEnrolment(
          factorDeps,
          { session: sessionOf(request) },
          request.body.code,
        ).catch(refusal)
        return { recoveryCodes: result.recoveryCodes, session: null }
      },
    )

    app.put(
      '/api/admin/accounts/:id/second-factor',
      {
        preHandler: signedIn,
        schema: {
          summary: '要求（或不再要求）账户使用两步验证（安全保密管理员）',
          params: accountParams,
          body: requiredBody,
          response: { 200: requiredResult, 401: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request) =>
        setSecondFactorRequired(factorDeps, sessionOf(request), {
          accountId: request.params.id,
          required: request.body.required,
        }),
    )

    app.delete(
      '/api/admin/accounts/:id/second-factor',
      {
        preHandler: signedIn,
        schema: {
          summary: '重置账户的两步验证（手机丢失；安全保密管理员）',
          params: accountParams,
          response: { 200: resetResult, 401: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => resetSecondFactor(factorDeps, sessionOf(request), request.params.id),
    )
  }
}
