import type { Database } from '@zhengling/db'
import type { Kysely } from 'kysely'

const TODAY = '2026-03-02'

/** Who holds a post today: the sign-in names (roster keys) of its holders. */
async function holdersOf(db: Kysely<Database>, postIds: string[]): Promise<string[]> {
  if (postIds.length === 0) return []
  const rows = await db
    .selectFrom('post_holdings')
    .innerJoin('people', 'people.id', 'post_holdings.person_id')
    .select('people.roster_key')
    .where('post_holdings.post_id', 'in', postIds)
    .where('post_holdings.from_date', '<=', TODAY)
    .where((eb) =>
      eb.or([eb('post_holdings.to_date', 'is', null), eb('post_holdings.to_date', '>=', TODAY)]),
    )
    .execute()
  return rows.flatMap((row) => (row.roster_key ? [row.roster_key] : []))
}

/**
 * A document's open tasks with the people who may take each: the holders of the task's post, or
 * of the head post of the task's unit. A task nobody holds shows an empty list.
 */
export async function openTaskHolders(
  db: Kysely<Database>,
  documentId: string,
): Promise<{ kind: string; usernames: string[] }[]> {
  const tasks = await db
    .selectFrom('document_tasks')
    .select(['kind', 'assignee_post_id', 'assignee_department_id'])
    .where('document_id', '=', documentId)
    .where('closed_at', 'is', null)
    .execute()
  return Promise.all(
    tasks.map(async (task) => {
      const postIds = task.assignee_post_id
        ? [task.assignee_post_id]
        : (
            await db
              .selectFrom('posts')
              .select('id')
              .where('department_id', '=', task.assignee_department_id as string)
              .where('heads_unit', '=', true)
              .execute()
          ).map((row) => row.id)
      return { kind: task.kind, usernames: await holdersOf(db, postIds) }
    }),
  )
}

/** The sign-in name of the person heading a unit (by its name in the roster). */
export async function unitHeadUsername(db: Kysely<Database>, unitName: string): Promise<string> {
  const heads = await db
    .selectFrom('posts')
    .innerJoin('departments', 'departments.id', 'posts.department_id')
    .select('posts.id')
    .where('departments.name', '=', unitName)
    .where('posts.heads_unit', '=', true)
    .execute()
  const [username] = await holdersOf(
    db,
    heads.map((row) => row.id),
  )
  if (!username) throw new Error(`${unitName} has no head in the roster`)
  return username
}

/** The jurisdiction's posts that someone holds today, with their role and unit's rulebook post. */
export async function rosterPostsHeld(
  db: Kysely<Database>,
  jurisdictionId: string,
): Promise<{ role: string; headsUnit: boolean; unitRulebookPost: string }[]> {
  const rows = await db
    .selectFrom('posts')
    .leftJoin('departments', 'departments.id', 'posts.department_id')
    .innerJoin('post_holdings', 'post_holdings.post_id', 'posts.id')
    .select(['posts.role', 'posts.heads_unit', 'departments.rulebook_post'])
    .where('posts.jurisdiction_id', '=', jurisdictionId)
    .where('post_holdings.from_date', '<=', TODAY)
    .where((eb) =>
      eb.or([eb('post_holdings.to_date', 'is', null), eb('post_holdings.to_date', '>=', TODAY)]),
    )
    .execute()
  return rows.map((row) => ({
    role: row.role,
    headsUnit: row.heads_unit,
    unitRulebookPost: row.rulebook_post ?? '',
  }))
}
