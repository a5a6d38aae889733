import type { Database } from '@zhengling/db'
import type { Kysely } from 'kysely'

/** A post's id by its title in the demo roster. */
export async function postIdOf(db: Kysely<Database>, title: string): Promise<string> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirstOrThrow()
  return row.id
}
