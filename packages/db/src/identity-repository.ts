import type { AccountRecord, IdentityRepository } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import { heldPostsJson, heldPostsOf } from './organisation-directory.ts'
import type { Database } from './schema.ts'

/** The columns of an account that signing in reads (accountRecordOf maps them). */
export const ACCOUNT_COLUMNS = [
  'id',
  'username',
  'password_hash',
  'admin_role',
  'person_id',
  'failed_count',
  'locked_until',
] as const

export function accountRecordOf(row: {
  id: string
  username: string
  password_hash: string
  admin_role: string | null
  person_id: string | null
  failed_count: number
  locked_until: Date | string | null
}): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    adminRole: row.admin_role,
    personId: row.person_id,
    failedCount: row.failed_count,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  }
}

export function createIdentityRepository(db: Kysely<Database>): IdentityRepository {
  return {
    async accountByUsername(username) {
      const row = await db
        .selectFrom('accounts')
        .select(ACCOUNT_COLUMNS)
        .where('username', '=', username)
        .executeTakeFirst()
      return row && accountRecordOf(row)
    },
    async saveLoginState(accountId, state) {
      await db
        .updateTable('accounts')
        .set({ failed_count: state.failedCount, locked_until: state.lockedUntil })
        .where('id', '=', accountId)
        .execute()
    },
    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          account_id: session.accountId,
          csrf_hash: session.csrfHash,
          current_post_id: session.currentPostId,
          created_at: session.now,
          last_seen_at: session.now,
          expires_at: session.expiresAt,
        })
        .execute()
    },
    async sessionById(id, on) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
        .leftJoin('people', 'people.id', 'accounts.person_id')
        .leftJoin('jurisdictions', 'jurisdictions.id', 'people.jurisdiction_id')
        .select([
          'sessions.id',
          'sessions.account_id',
          'sessions.csrf_hash',
          'sessions.current_post_id',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'sessions.revoked_at',
          'accounts.username',
          'accounts.admin_role',
          'accounts.person_id',
          'accounts.must_change_password',
          'people.jurisdiction_id',
          'people.name as person_name',
          'people.clearance',
          'jurisdictions.name as jurisdiction_name',
        ])
        // The person's posts that day in the same statement: the request's actor in one read.
        .$if(on !== undefined, (query) =>
          query.select(heldPostsJson(sql.ref('accounts.person_id'), on as string).as('held_posts')),
        )
        .where('sessions.id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      const iso = (value: Date | string | null) =>
        value === null ? null : new Date(value).toISOString()
      const heldPosts = (row as { held_posts?: Parameters<typeof heldPostsOf>[0] }).held_posts
      return {
        id: row.id,
        accountId: row.account_id,
        username: row.username,
        adminRole: row.admin_role,
        personId: row.person_id,
        csrfHash: row.csrf_hash,
        // Only its hash is stored (migration 0031); `authenticateSession` derives the token.
        csrfToken: null,
        currentPostId: row.current_post_id,
        mustChangePassword: row.must_change_password,
        lastSeenAt: iso(row.last_seen_at) as string,
        expiresAt: iso(row.expires_at) as string,
        revokedAt: iso(row.revoked_at),
        ...(on !== undefined &&
          heldPosts && {
            actorFacts: {
              on,
              jurisdictionId: row.jurisdiction_id,
              jurisdictionName: row.jurisdiction_name,
              personName: row.person_name,
              clearance: row.clearance,
              posts: heldPostsOf(heldPosts),
            },
          }),
      }
    },
    async touchSession(id, now) {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
    },
    async setCurrentPost(id, postId) {
      await db
        .updateTable('sessions')
        .set({ current_post_id: postId })
        .where('id', '=', id)
        .execute()
    },
    async revokeSession(id, now) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute()
    },
    async revokeSessions(accountId, now) {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    },
  }
}
