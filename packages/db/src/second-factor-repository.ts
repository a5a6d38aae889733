import type { SecondFactorRepository } from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import { ACCOUNT_COLUMNS, accountRecordOf } from './identity-repository.ts'
import type { Database } from './schema.ts'

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/** TOTP factors, recovery codes and login challenges (migration 0030). */
export function createSecondFactorRepository(db: Kysely<Database>): SecondFactorRepository {
  return {
    async accountById(accountId) {
      const row = await db
        .selectFrom('accounts')
        .select([...ACCOUNT_COLUMNS, 'second_factor_required'])
        .where('id', '=', accountId)
        .executeTakeFirst()
      if (!row) return undefined
      return { ...accountRecordOf(row), secondFactorRequired: row.second_factor_required }
    },
    async factorOf(accountId) {
      const row = await db
        .selectFrom('second_factors')
        .select(['secret_sealed', 'confirmed_at', 'last_step'])
        .where('account_id', '=', accountId)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        secretSealed: row.secret_sealed,
        confirmedAt: iso(row.confirmed_at),
        lastStep: row.last_step === null ? null : Number(row.last_step),
      }
    },
    async replaceFactor(accountId, secretSealed, now) {
      await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute()
      await db.deleteFrom('second_factors').where('account_id', '=', accountId).execute()
      await db
        .insertInto('second_factors')
        .values({ account_id: accountId, secret_sealed: secretSealed, created_at: now })
        .execute()
    },
    async acceptStep(accountId, step) {
      const result = await db
        .updateTable('second_factors')
        .set({ last_step: step })
        .where('account_id', '=', accountId)
        .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', String(step))]))
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
    async confirmFactor(accountId, step, now) {
      await db
        .updateTable('second_factors')
        .set({ confirmed_at: now, last_step: step })
        .where('account_id', '=', accountId)
        .execute()
    },
    async removeFactor(accountId) {
      await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute()
      await db.deleteFrom('second_factors').where('account_id', '=', accountId).execute()
    },
    async replaceRecoveryCodes(accountId, hashes) {
      await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute()
      if (hashes.length)
        await db
          .insertInto('recovery_codes')
          .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash })))
          .execute()
    },
    async useRecoveryCode(accountId, hash, now) {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: now })
        .where('account_id', '=', accountId)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
    async unusedRecoveryCodes(accountId) {
      const row = await db
        .selectFrom('recovery_codes')
        .select(sql<string>`count(*)`.as('count'))
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },
    async createChallenge(challenge) {
      await db
        .insertInto('login_challenges')
        .values({
          id: challenge.id,
          account_id: challenge.accountId,
          purpose: challenge.purpose,
          expires_at: challenge.expiresAt,
          created_at: challenge.now,
        })
        .execute()
    },
    async challengeById(id) {
      const row = await db
        .selectFrom('login_challenges')
        .select(['id', 'account_id', 'purpose', 'attempts', 'expires_at', 'used_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.id,
        accountId: row.account_id,
        purpose: row.purpose,
        attempts: row.attempts,
        expiresAt: new Date(row.expires_at).toISOString(),
        usedAt: iso(row.used_at),
      }
    },
    async countChallengeAttempt(id) {
      await db
        .updateTable('login_challenges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute()
    },
    async useChallenge(id, now) {
      const result = await db
        .updateTable('login_challenges')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
    async setRequired(accountId, required) {
      await db
        .updateTable('accounts')
        .set({ second_factor_required: required })
        .where('id', '=', accountId)
        .execute()
    },
  }
}
