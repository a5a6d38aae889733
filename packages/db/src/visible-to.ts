import { rankOf, SECRECY_LEVELS, type Viewer } from '@zhengling/app'
import { type ExpressionBuilder, sql } from 'kysely'

/**
 * The access rule of `canSee`, as a WHERE condition for any protected table: every query that
 * reads or changes protected rows goes through it, so the UI never decides who sees what.
 * Protected tables carry `jurisdiction_id`, `secrecy`, `distribution_posts uuid[]` and
 * `distribution_departments uuid[]`.
 */
export function visibleTo(viewer: Viewer) {
  // Levels at or below the viewer's clearance.
  const cleared = SECRECY_LEVELS.filter((level) => rankOf(level) <= rankOf(viewer.clearance))
  const posts = sql`${sql.val(viewer.postIds)}::uuid[]`
  const departments = sql`${sql.val(viewer.departmentIds)}::uuid[]`
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (eb: ExpressionBuilder<any, any>) =>
    eb.and([
      eb('jurisdiction_id', '=', viewer.jurisdictionId),
      eb('secrecy', 'in', cleared),
      eb.or([
        eb('secrecy', '=', 'public'),
        eb.and([
          sql<boolean>`cardinality(distribution_posts) = 0`,
          sql<boolean>`cardinality(distribution_departments) = 0`,
        ]),
        sql<boolean>`distribution_posts && ${posts}`,
        sql<boolean>`distribution_departments && ${departments}`,
      ]),
    ])
}
