import type { AccountAdminRepository, AccountSummary } from '@zhengling/app'
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export function createAccountAdminRepository(db: Kysely<Database>): AccountAdminRepository {
  const summaries = () =>
    db
      .selectFrom('accounts')
      .leftJoin('people', 'people.id', 'accounts.person_id')
      .select([
        'accounts.id',
        'accounts.username',
        'accounts.admin_role',
        'accounts.failed_count',
        'accounts.locked_until',
        'people.id as person_id',
        'people.name',
        'people.jurisdiction_id',
        'people.clearance',
      ])
      .orderBy('accounts.username')

  const toSummary = (row: Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number]) =>
    ({
      id: row.id,
      username: row.username,
      adminRole: row.admin_role,
      person:
        row.person_id && row.name && row.jurisdiction_id && row.clearance
          ? {
              id: row.person_id,
              name: row.name,
              jurisdictionId: row.jurisdiction_id,
              clearance: row.clearance,
            }
          : null,
      failedCount: row.failed_count,
      lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    }) satisfies AccountSummary

  return {
    async accounts() {
      return (await summaries().execute()).map(toSummary)
    },
    async account(id) {
      const row = await summaries().where('accounts.id', '=', id).executeTakeFirst()
      return row ? toSummary(row) : undefined
    },
    async usernameTaken(username) {
      const row = await db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst()
      return row !== undefined
    },
    async person(id) {
      const row = await db
        .selectFrom('people')
        .select(['id', 'name', 'jurisdiction_id', 'clearance'])
        .where('id', '=', id)
        .executeTakeFirst()
      return row
        ? {
            id: row.id,
            name: row.name,
            jurisdictionId: row.jurisdiction_id,
            clearance: row.clearance,
          }
        : undefined
    },
    async createAccount(account) {
      await db
        .insertInto('accounts')
        .values({
          id: account.id,
          username: account.username,
          password_hash: account.passwordHash,
          person_id: account.personId ?? null,
          admin_role: account.adminRole ?? null,
        })
        .execute()
    },
    async setPasswordHash(accountId, passwordHash) {
      await db
        .updateTable('accounts')
        .set({ password_hash: passwordHash })
        .where('id', '=', accountId)
        .execute()
    },
    async unlock(accountId) {
      await db
        .updateTable('accounts')
        .set({ failed_count: 0, locked_until: null })
        .where('id', '=', accountId)
        .execute()
    },
    async setClearance(personId, clearance) {
      await db.updateTable('people').set({ clearance }).where('id', '=', personId).execute()
    },
  }
}
