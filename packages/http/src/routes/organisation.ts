import { shanghaiDateOf } from '@zhengling/rules'
import {
  createIdentityRepository,
  createOrganisationRepository,
  type Database,
} from '@zhengling/db'
import { ownJurisdiction } from '@zhengling/app'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { requireSession, sessionOf } from '../auth.ts'
import { errorBody, HttpError } from '../errors.ts'
import { postsResponse } from './organisation.contract.ts'

/** The signed-in person's own jurisdiction: its posts and who holds them today. */
export function organisationRoutes(deps: {
  db: Kysely<Database>
  now: () => Date
}): FastifyPluginAsyncZod {
  const signedIn = requireSession({
    identity: () => createIdentityRepository(deps.db),
    now: deps.now,
  })
  return async (app) => {
    app.get(
      '/api/organisation/posts',
      {
        preHandler: signedIn,
        schema: {
          summary: '本辖区职务及任职人员',
          response: { 200: postsResponse, 401: errorBody, 403: errorBody },
        },
      },
      async (request) => {
        const organisation = createOrganisationRepository(deps.db)
        // Administrators hold no post and belong to no jurisdiction: they manage accounts, not posts.
        const jurisdictionId = await ownJurisdiction(organisation, sessionOf(request))
        if (!jurisdictionId)
          throw new HttpError(403, 'NOT_A_POST_HOLDER', '该账户不属于任何辖区的任职人员')
        // Today in Asia/Shanghai, the civil date every answer is about.
        return organisation.postsOf(jurisdictionId, shanghaiDateOf(deps.now().getTime()))
      },
    )
  }
}
