import type { OrganisationRepository, PostOnDate } from '@zhengling/app'
import type { Kysely } from 'kysely'
import { coversDate } from './organisation-directory.ts'
import type { Database } from './schema.ts'

export function createOrganisationRepository(db: Kysely<Database>): OrganisationRepository {
  async function postsOnDate(postIds: string[], on: string): Promise<PostOnDate[]> {
    if (postIds.length === 0) return []
    const posts = await db
      .selectFrom('posts')
      .select(['id', 'role', 'title'])
      .where('id', 'in', postIds)
      .execute()
    const holdings = await db
      .selectFrom('post_holdings')
      .innerJoin('people', 'people.id', 'post_holdings.person_id')
      .select([
        'post_holdings.post_id',
        'post_holdings.from_date',
        'post_holdings.to_date',
        'people.id as person_id',
        'people.name',
      ])
      .where('post_holdings.post_id', 'in', postIds)
      .where('post_holdings.from_date', '<=', on)
      .execute()
    return posts.map((post) => ({
      postId: post.id,
      role: post.role,
      title: post.title,
      holders: holdings
        .filter((holding) => holding.post_id === post.id && coversDate(holding, on))
        .map((holding) => ({ personId: holding.person_id, name: holding.name })),
    }))
  }

  return {
    async overseersOf(departmentId, on) {
      const rows = await db
        .selectFrom('portfolios')
        .select(['post_id', 'from_date', 'to_date'])
        .where('department_id', '=', departmentId)
        .where('from_date', '<=', on)
        .execute()
      return postsOnDate(
        rows.filter((row) => coversDate(row, on)).map((row) => row.post_id),
        on,
      )
    },

    async postsOf(jurisdictionId, on) {
      const ids = await db
        .selectFrom('posts')
        .select('id')
        .where('jurisdiction_id', '=', jurisdictionId)
        .orderBy('title')
        .execute()
      const posts = await postsOnDate(
        ids.map((row) => row.id),
        on,
      )
      return posts.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
    },

    async jurisdictionOf(personId) {
      const row = await db
        .selectFrom('people')
        .select('jurisdiction_id')
        .where('id', '=', personId)
        .executeTakeFirst()
      return row?.jurisdiction_id
    },

    async post(postId, on) {
      return (await postsOnDate([postId], on))[0]
    },

    async actingFor(postId, on) {
      const assignment = await db
        .selectFrom('acting_assignments')
        .select('acting_post_id')
        .where('post_id', '=', postId)
        .where('from_date', '<=', on)
        .where('to_date', '>=', on)
        .orderBy('from_date', 'desc')
        .executeTakeFirst()
      return assignment ? (await postsOnDate([assignment.acting_post_id], on))[0] : undefined
    },
  }
}
