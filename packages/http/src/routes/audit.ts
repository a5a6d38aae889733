import {
  type AuditSigner,
  exportAuditRecords,
  type Hasher,
  listAuditChains,
  listAuditRecords,
  verifyAuditChainOf,
} from '@zhengling/app'
import { createInTransaction, createRepositories, type Database } from '@zhengling/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody } from '../errors.ts'
import {
  chainParams,
  chainSummary,
  exportQuery,
  recordsPage,
  recordsQuery,
  verification,
} from './audit.contract.ts'

/** The audit trail, for the audit admin only (the policy is in the use cases). */
export function auditRoutes(deps: {
  db: Kysely<Database>
  now: () => Date
  hasher: Hasher
  signer?: AuditSigner
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

    app.get(
      '/api/audit/chains/:chain/export',
      {
        preHandler: signedIn,
        schema: {
          summary:
            '导出一条审计链某日期范围的记录（JSON Lines，末行为 SM2 签名；用 zhengling audit verify --file 校验；导出记入审计日志）',
          params: chainParams,
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const file = await exportAuditRecords(
          {
            audit: repositories.audit,
            inTransaction: createInTransaction(deps.db),
            signer: deps.signer,
            hasher: deps.hasher,
            now: deps.now,
          },
          sessionOf(request),
          { chain: request.params.chain, ...request.query },
        )
        return reply
          .type('application/jsonl; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="audit.jsonl"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('cache-control', 'no-store')
          .send(file.text)
      },
    )
  }
}
