import { changePassword, readSecuritySettings, updateSecuritySettings } from '@zhengling/app'
import { createInTransaction, createRepositories } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import {
  changePasswordBody,
  changePasswordResult,
  securitySettings,
  securitySettingsBody,
} from './password.contract.ts'
import type { SessionRouteDeps } from './session.ts'

/** Changing one's own password, and the security admin's login settings (ADR 0021). */
export function passwordRoutes(deps: SessionRouteDeps): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const commands = {
    inTransaction: createInTransaction(deps.db),
    hasher: deps.hasher,
    passwords: deps.passwords,
    now: deps.now,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody }
  return async (app) => {
    app.put(
      '/api/session/password',
      {
        preHandler: signedIn,
        schema: {
          summary: '修改本人密码（当前密码 + 新密码）',
          body: changePasswordBody,
          response: { 200: changePasswordResult, ...refusals, 404: errorBody, 422: errorBody },
        },
      },
      async (request) => changePassword(commands, sessionOf(request), request.body),
    )

    app.get(
      '/api/admin/security-settings',
      {
        preHandler: signedIn,
        schema: {
          summary: '登录安全策略（安全保密管理员、系统管理员可查看）',
          response: { 200: securitySettings, ...refusals },
        },
      },
      async (request) => readSecuritySettings(commands, sessionOf(request)),
    )

    app.put(
      '/api/admin/security-settings',
      {
        preHandler: signedIn,
        schema: {
          summary: '设置密码有效期、历史密码个数、同时在线会话数（安全保密管理员）',
          body: securitySettingsBody,
          response: { 200: securitySettings, ...refusals, 422: errorBody },
        },
      },
      async (request) => updateSecuritySettings(commands, sessionOf(request), request.body),
    )
  }
}
