import { listJurisdictions, viewOrganisationChart } from '@zhengling/app'
import { createRepositories, type Database } from '@zhengling/db'
import { isLocalDate, shanghaiDateOf } from '@zhengling/rules'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody, HttpError } from '../errors.ts'
import {
  chartParams,
  chartQuery,
  jurisdictionSummary,
  organisationChart,
} from './jurisdictions.contract.ts'

/** Jurisdictions and their organisation (posts, holders, portfolios, acting), as the account may read them. */
export function jurisdictionRoutes(deps: {
  db: Kysely<Database>
  now: () => Date
}): FastifyPluginAsyncZod {
  const repositories = createRepositories(deps.db)
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  return async (app) => {
    app.get(
      '/api/jurisdictions',
      {
        preHandler: signedIn,
        schema: {
          summary: '可查看的辖区',
          response: { 200: jurisdictionSummary.array(), 401: errorBody },
        },
      },
      async (request) => listJurisdictions(repositories, sessionOf(request)),
    )

    app.get(
      '/api/jurisdictions/:id/organisation',
      {
        preHandler: signedIn,
        schema: {
          summary: '辖区组织机构：职务、任职人员、分管、代理安排',
          params: chartParams,
          querystring: chartQuery,
          response: { 200: organisationChart, 400: errorBody, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const on = request.query.on ?? shanghaiDateOf(deps.now().getTime())
        if (!isLocalDate(on)) throw new HttpError(400, 'INVALID_DATE', `没有这一天：${on}`)
        return viewOrganisationChart(repositories, sessionOf(request), request.params.id, on)
      },
    )
  }
}
