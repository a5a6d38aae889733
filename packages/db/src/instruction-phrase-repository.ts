import type { InstructionPhraseRepository } from '@zhengling/app'
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** 常用批示语 (0020): one row per person who keeps a list, read and written by person only. */
export function createInstructionPhraseRepository(
  db: Kysely<Database>,
): InstructionPhraseRepository {
  return {
    async listOf(personId) {
      const row = await db
        .selectFrom('instruction_phrase_lists')
        .select('phrases')
        .where('person_id', '=', personId)
        .executeTakeFirst()
      return row ? [...row.phrases] : null
    },

    async save(personId, phrases, at) {
      await db
        .insertInto('instruction_phrase_lists')
        .values({ person_id: personId, phrases: [...phrases], updated_at: at })
        .onConflict((conflict) =>
          conflict.column('person_id').doUpdateSet({ phrases: [...phrases], updated_at: at }),
        )
        .execute()
    },
  }
}
