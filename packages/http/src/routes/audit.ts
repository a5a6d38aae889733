import { listAuditChains, listAuditRecords, verifyAuditChainOf } from '@zhengling/app'
import { createRepositories, type Database } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import {
  chainParams,
  chainSummary,
  recordsPage,
  recordsQuery,
  verification,
} from './audit.contract.ts'

/** The audit trail, for the audit admin only (the policy is in the use cases). */
export function auditRoutes(deps: {
  db: Kysely<Database>
  now: () => Date
}): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  const denied = { 401: errorBody, 403: errorBody }
  return async (app) => {
    app.get(
      '/api/audit/chains',
      {
        preHandler: signedIn,
        schema: { summary: '审计链列表', response: { 200: chainSummary.array(), ...denied } },
      },
      async (request) => listAuditChains(repositories, sessionOf(request)),
    )

    app.get(
      '/api/audit/chains/:chain/records',
      {
        preHandler: signedIn,
        schema: {
          summary: '审计记录（新在前，分页）',
          params: chainParams,
          querystring: recordsQuery,
          response: { 200: recordsPage, ...denied },
        },
      },
      async (request) =>
        listAuditRecords(repositories, sessionOf(request), {
          chain: request.params.chain,
          ...request.query,
        }),
    )

    app.get(
      '/api/audit/chains/:chain/verification',
      {
        preHandler: signedIn,
        schema: {
          summary: '校验审计链（重算哈希，发现改动、删除、调序）',
          params: chainParams,
          response: { 200: verification, ...denied },
        },
      },
      async (request) => verifyAuditChainOf(repositories, sessionOf(request), request.params.chain),
    )
  }
}
