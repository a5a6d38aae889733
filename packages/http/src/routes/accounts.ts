import { randomUUID } from 'node:crypto'
import {
  createAccount,
  listAccounts,
  resetPassword,
  setClearance,
  unlockAccount,
} from '@zhengling/app'
import { createInTransaction, createRepositories } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import {
  accountParams,
  accountSummary,
  clearanceBody,
  clearanceResult,
  createAccountBody,
  personParams,
  resetPasswordBody,
  resetPasswordResult,
} from './accounts.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/** The administrators' account work (三员): each route's use case checks the role. */
export function accountRoutes(deps: SessionRouteDeps): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const commands = {
    inTransaction: createInTransaction(deps.db),
    hasher: deps.hasher,
    passwords: deps.passwords,
    now: deps.now,
    newId: randomUUID,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody }
  return async (app) => {
    app.get(
      '/api/admin/accounts',
      {
        preHandler: signedIn,
        schema: {
          summary: '账户列表（系统管理员、安全保密管理员）',
          response: { 200: accountSummary.array(), ...refusals },
        },
      },
      async (request) => listAccounts(repositories, sessionOf(request)),
    )

    app.post(
      '/api/admin/accounts',
      {
        preHandler: signedIn,
        schema: {
          summary: '为任职人员开设账户（系统管理员）',
          body: createAccountBody,
          response: { 201: accountSummary, ...refusals, 409: errorBody, 422: errorBody },
        },
      },
      async (request, reply) => {
        reply.status(201)
        return createAccount(commands, sessionOf(request), request.body)
      },
    )

    app.post(
      '/api/admin/accounts/:id/password',
      {
        preHandler: signedIn,
        schema: {
          summary: '重置密码并结束该账户的所有会话（系统管理员）',
          params: accountParams,
          body: resetPasswordBody,
          response: { 200: resetPasswordResult, ...refusals, 422: errorBody },
        },
      },
      async (request) =>
        resetPassword(commands, sessionOf(request), {
          accountId: request.params.id,
          password: request.body.password,
        }),
    )

    app.post(
      '/api/admin/accounts/:id/unlock',
      {
        preHandler: signedIn,
        schema: {
          summary: '解除登录锁定（安全保密管理员）',
          params: accountParams,
          response: { 200: accountSummary, ...refusals },
        },
      },
      async (request) => unlockAccount(commands, sessionOf(request), request.params.id),
    )

    app.put(
      '/api/admin/people/:id/clearance',
      {
        preHandler: signedIn,
        schema: {
          summary: '设定人员可知悉的最高密级（安全保密管理员；绝密不得设定）',
          params: personParams,
          body: clearanceBody,
          response: { 200: clearanceResult, ...refusals, 422: errorBody },
        },
      },
      async (request) =>
        setClearance(commands, sessionOf(request), {
          personId: request.params.id,
          clearance: request.body.clearance,
        }),
    )
  }
}
