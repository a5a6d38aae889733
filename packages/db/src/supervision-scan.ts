import { type Hasher, type RulesPort, scanSupervisionReminders } from '@zhengling/app'
import type { Kysely } from 'kysely'
import { createRepositories } from './repositories.ts'
import type { Database } from './schema.ts'

/**
 * One pass of the ledger's reminder scan in its own transaction: the claimed rows stay locked
 * until it commits, so replicas scanning at once never remind the same item twice.
 */
export function runSupervisionScan(
  db: Kysely<Database>,
  deps: { hasher: Hasher; now: () => Date; rules: RulesPort },
  limit: number,
): Promise<{ reminded: number; escalated: number }> {
  return db
    .transaction()
    .execute((trx) => scanSupervisionReminders(createRepositories(trx), deps, { limit }))
}
