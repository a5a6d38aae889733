import type { CredentialRepository } from '@zhengling/app'
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

const iso = (value: Date | string) => new Date(value).toISOString()

export function createCredentialRepository(db: Kysely<Database>): CredentialRepository {
  return {
    async securitySettings() {
      const row = await db.selectFrom('security_settings').selectAll().executeTakeFirstOrThrow()
      return {
        passwordExpiryDays: row.password_expiry_days,
        passwordHistoryCount: row.password_history_count,
        maxSessionsPerAccount: row.max_sessions_per_account,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at ? iso(row.updated_at) : null,
      }
    },
    async saveSecuritySettings(settings, by, at) {
      await db
        .updateTable('security_settings')
        .set({
          password_expiry_days: settings.passwordExpiryDays,
          password_history_count: settings.passwordHistoryCount,
          max_sessions_per_account: settings.maxSessionsPerAccount,
          updated_by: by,
          updated_at: at,
        })
        .execute()
    },
    async throttle(key) {
      const row = await db
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        failedCount: row.failed_count,
        windowStartedAt: iso(row.window_started_at),
        lockedUntil: row.locked_until ? iso(row.locked_until) : null,
      }
    },
    async saveThrottle(key, state, now) {
      const dayAgo = new Date(Date.parse(now) - 86_400_000)
      await db
        .deleteFrom('login_throttle')
        .where('window_started_at', '<', dayAgo)
        .where((eb) =>
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date(now))]),
        )
        .where('key', '!=', key)
        .execute()
      await db
        .insertInto('login_throttle')
        .values({
          key,
          failed_count: state.failedCount,
          window_started_at: state.windowStartedAt,
          locked_until: state.lockedUntil,
        })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failed_count: state.failedCount,
            window_started_at: state.windowStartedAt,
            locked_until: state.lockedUntil,
          }),
        )
        .execute()
    },
    async passwordState(accountId) {
      const row = await db
        .selectFrom('accounts')
        .select(['password_hash', 'password_changed_at', 'must_change_password'])
        .where('id', '=', accountId)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        passwordHash: row.password_hash,
        passwordChangedAt: iso(row.password_changed_at),
        mustChangePassword: row.must_change_password,
      }
    },
    async previousPasswordHashes(accountId, count) {
      if (count <= 0) return []
      const rows = await db
        .selectFrom('password_history')
        .select('password_hash')
        .where('account_id', '=', accountId)
        .orderBy('seq', 'desc')
        .limit(count)
        .execute()
      return rows.map((row) => row.password_hash)
    },
    async replacePassword(accountId, change) {
      const current = await db
        .selectFrom('accounts')
        .select('password_hash')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow()
      await db
        .insertInto('password_history')
        .values({
          account_id: accountId,
          password_hash: current.password_hash,
          replaced_at: change.at,
        })
        .execute()
      await db
        .updateTable('accounts')
        .set({
          password_hash: change.passwordHash,
          password_changed_at: change.at,
          must_change_password: change.mustChange,
        })
        .where('id', '=', accountId)
        .execute()
    },
    async requirePasswordChange(accountId) {
      await db
        .updateTable('accounts')
        .set({ must_change_password: true })
        .where('id', '=', accountId)
        .execute()
    },
    async openSessionsOldestFirst(accountId, at) {
      const rows = await db
        .selectFrom('sessions')
        .select('id')
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date(at.now))
        .where('last_seen_at', '>', new Date(at.idleSince))
        .orderBy('opened_seq')
        .execute()
      return rows.map((row) => row.id)
    },
  }
}
