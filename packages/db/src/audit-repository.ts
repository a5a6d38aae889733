import {
  type AuditEntry,
  type AuditRepository,
  auditRecordHash,
  type ChainedAuditRecord,
  GENESIS_HASH,
  type Hasher,
} from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

type Row = Database['audit_records'] extends infer T ? { [K in keyof T]: unknown } : never

function toRecord(row: Row): ChainedAuditRecord {
  return {
    jurisdictionId: row.jurisdiction_id as string,
    chainSeq: Number(row.chain_seq),
    occurredAt: new Date(row.occurred_at as string | Date).toISOString(),
    actorPersonId: row.actor_person_id as string | null,
    actorPostId: row.actor_post_id as string | null,
    action: row.action as string,
    subject: row.subject as string | null,
    beforeDigest: row.before_digest as string | null,
    afterDigest: row.after_digest as string | null,
    ruleIds: row.rule_ids as string[],
    details: row.details as Record<string, unknown>,
    algorithm: row.algorithm as ChainedAuditRecord['algorithm'],
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  }
}

/**
 * The audit chain in PostgreSQL. `db` may be a transaction: an append then commits or rolls back
 * with the command it records. A transaction-scoped advisory lock per chain lines concurrent
 * appends up one after another (the application role may not lock the head row for update: it
 * has no UPDATE on it). The head follows each inserted record by a trigger (migration 0027).
 */
export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(entry: AuditEntry, hasher: Hasher) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`zhengling.audit:${entry.jurisdictionId}`}, 0))`.execute(
        db,
      )
      await db
        .insertInto('audit_chain_heads')
        .values({ jurisdiction_id: entry.jurisdictionId, last_seq: 0, last_hash: GENESIS_HASH })
        .onConflict((conflict) => conflict.column('jurisdiction_id').doNothing())
        .execute()
      const head = await db
        .selectFrom('audit_chain_heads')
        .select(['last_seq', 'last_hash'])
        .where('jurisdiction_id', '=', entry.jurisdictionId)
        .executeTakeFirstOrThrow()
      const chainSeq = Number(head.last_seq) + 1
      const hash = auditRecordHash(entry, chainSeq, head.last_hash, hasher)
      await db
        .insertInto('audit_records')
        .values({
          jurisdiction_id: entry.jurisdictionId,
          chain_seq: chainSeq,
          occurred_at: entry.occurredAt,
          actor_person_id: entry.actorPersonId,
          actor_post_id: entry.actorPostId,
          action: entry.action,
          subject: entry.subject,
          before_digest: entry.beforeDigest,
          after_digest: entry.afterDigest,
          rule_ids: entry.ruleIds,
          details: JSON.stringify(entry.details),
          algorithm: hasher.algorithm,
          prev_hash: head.last_hash,
          hash,
        })
        .execute()
      return { ...entry, chainSeq, algorithm: hasher.algorithm, prevHash: head.last_hash, hash }
    },

    async chainJurisdictions() {
      const rows = await db
        .selectFrom('audit_chain_heads')
        .select('jurisdiction_id')
        .orderBy('jurisdiction_id')
        .execute()
      return rows.map((row) => row.jurisdiction_id)
    },

    async records(jurisdictionId: string) {
      const rows = await db
        .selectFrom('audit_records')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdictionId)
        .orderBy('chain_seq')
        .execute()
      return rows.map((row) => toRecord(row as Row))
    },

    async chainSummaries() {
      const rows = await db
        .selectFrom('audit_chain_heads')
        .select(['jurisdiction_id', 'last_seq'])
        .select((eb) =>
          eb
            .selectFrom('audit_records')
            .select('occurred_at')
            .whereRef('audit_records.jurisdiction_id', '=', 'audit_chain_heads.jurisdiction_id')
            .whereRef('audit_records.chain_seq', '=', 'audit_chain_heads.last_seq')
            .as('last_at'),
        )
        .orderBy('jurisdiction_id')
        .execute()
      return rows.map((row) => ({
        chain: row.jurisdiction_id,
        records: Number(row.last_seq),
        lastAt: row.last_at ? new Date(row.last_at).toISOString() : null,
      }))
    },

    async recordsPage(chain, page) {
      let query = db
        .selectFrom('audit_records')
        .leftJoin('people', 'people.id', 'audit_records.actor_person_id')
        .leftJoin('posts', 'posts.id', 'audit_records.actor_post_id')
        .selectAll('audit_records')
        .select(['people.name as actor_name', 'posts.title as actor_post'])
        .where('audit_records.jurisdiction_id', '=', chain)
        .orderBy('chain_seq', 'desc')
        .limit(page.limit)
      if (page.beforeSeq !== undefined)
        query = query.where('chain_seq', '<', String(page.beforeSeq))
      const rows = await query.execute()
      return rows.map((row) => ({
        record: toRecord(row as unknown as Row),
        actor: row.actor_name
          ? `${row.actor_name}${row.actor_post ? `（${row.actor_post}）` : ''}`
          : null,
      }))
    },

    async recordsBetween(chain, fromIso, toIso) {
      const bounds = await db
        .selectFrom('audit_records')
        .select((eb) => [eb.fn.min('chain_seq').as('first'), eb.fn.max('chain_seq').as('last')])
        .where('jurisdiction_id', '=', chain)
        .where('occurred_at', '>=', new Date(fromIso))
        .where('occurred_at', '<', new Date(toIso))
        .executeTakeFirst()
      if (bounds?.first === undefined || bounds.first === null || bounds.last === null) return []
      const rows = await db
        .selectFrom('audit_records')
        .selectAll()
        .where('jurisdiction_id', '=', chain)
        .where('chain_seq', '>=', String(bounds.first))
        .where('chain_seq', '<=', String(bounds.last))
        .orderBy('chain_seq')
        .execute()
      return rows.map((row) => toRecord(row as Row))
    },

    async head(jurisdictionId: string) {
      const row = await db
        .selectFrom('audit_chain_heads')
        .select(['last_seq', 'last_hash'])
        .where('jurisdiction_id', '=', jurisdictionId)
        .executeTakeFirst()
      return row ? { lastSeq: Number(row.last_seq), lastHash: row.last_hash } : undefined
    },
  }
}
