import {
  type AuditEntry,
  type AuditRepository,
  type ChainedAuditRecord,
  GENESIS_HASH,
  type Hasher,
  linkAuditRecords,
  type SealedRun,
} from '@zhengling/app'
import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.ts'

type Row = Database['audit_records'] extends infer T ? { [K in keyof T]: unknown } : never

/** What a stored record says, with the algorithm it is (to be) hashed with. */
function toEntry(row: Row): AuditEntry & { algorithm: ChainedAuditRecord['algorithm'] } {
  return {
    jurisdictionId: row.jurisdiction_id as string,
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
  }
}

/** A sealed record (its chain columns filled in). */
function toRecord(row: Row): ChainedAuditRecord {
  return {
    ...toEntry(row),
    chainSeq: Number(row.chain_seq),
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  }
}

/** Records sealed per transaction: a big backlog is sealed in several short ones. */
export const AUDIT_SEAL_BATCH = 500

/** PostgreSQL's "cannot execute … in a read-only transaction" (a hot standby). */
const READ_ONLY_TRANSACTION = '25006'

/**
 * One sealing transaction: takes each chain with waiting records that no other sealer holds
 * (transaction-scoped advisory lock), starts its head if new, reads the head and the oldest
 * waiting records (append order), links them (SM3/SHA-256 in the app) and stores every link
 * in one update; the owner's statement trigger checks they continue the head and moves it.
 */
async function sealBatch(
  trx: Kysely<Database>,
  chain: string | undefined,
): Promise<{ runs: SealedRun[]; more: boolean }> {
  const locked = await sql<{ jurisdiction_id: string }>`
    select waiting.jurisdiction_id from (
      select distinct jurisdiction_id from audit_records
       where chain_seq is null ${chain === undefined ? sql`` : sql`and jurisdiction_id = ${chain}`}
    ) waiting
    where pg_try_advisory_xact_lock(hashtextextended(${'zhengling.audit:'} || waiting.jurisdiction_id, 0))`.execute(
    trx,
  )
  const chains = locked.rows.map((row) => row.jurisdiction_id)
  if (chains.length === 0) return { runs: [], more: false }
  // A new chain's head starts at the genesis; the outer select sees the heads that were there.
  const heads = await sql<{ jurisdiction_id: string; last_seq: string; last_hash: string }>`
    with started as (
      insert into audit_chain_heads (jurisdiction_id, last_seq, last_hash)
      select chain, 0, ${GENESIS_HASH} from unnest(${chains}::text[]) as chain
      on conflict (jurisdiction_id) do nothing
      returning jurisdiction_id, last_seq, last_hash
    )
    select jurisdiction_id, last_seq, last_hash from started
    union all
    select jurisdiction_id, last_seq, last_hash from audit_chain_heads
     where jurisdiction_id = any(${chains}::text[])`.execute(trx)
  const waiting = await trx
    .selectFrom('audit_records')
    .selectAll()
    .where('chain_seq', 'is', null)
    .where('jurisdiction_id', 'in', chains)
    .orderBy('id')
    .limit(AUDIT_SEAL_BATCH + 1)
    .execute()
  const batch = waiting.slice(0, AUDIT_SEAL_BATCH)
  const byChain = new Map<string, Row[]>()
  for (const row of batch) {
    const list = byChain.get(row.jurisdiction_id) ?? []
    list.push(row as Row)
    byChain.set(row.jurisdiction_id, list)
  }
  const ids: string[] = []
  const chainsOf: string[] = []
  const seqs: number[] = []
  const prevs: string[] = []
  const hashes: string[] = []
  const runs: SealedRun[] = []
  for (const head of heads.rows) {
    const rows = byChain.get(head.jurisdiction_id)
    if (!rows) continue
    const links = linkAuditRecords(
      { lastSeq: Number(head.last_seq), lastHash: head.last_hash },
      rows.map((row) => toEntry(row)),
    )
    for (const [index, link] of links.entries()) {
      ids.push(String(rows[index]!.id))
      chainsOf.push(head.jurisdiction_id)
      seqs.push(link.chainSeq)
      prevs.push(link.prevHash)
      hashes.push(link.hash)
    }
    runs.push({
      chain: head.jurisdiction_id,
      fromSeq: links[0]!.chainSeq,
      toSeq: links.at(-1)!.chainSeq,
    })
  }
  if (ids.length > 0)
    await sql`
      update audit_records as record
         set chain_seq = link.chain_seq, prev_hash = link.prev_hash, hash = link.hash
        from unnest(${ids}::bigint[], ${chainsOf}::text[], ${seqs}::bigint[], ${prevs}::text[],
               ${hashes}::text[]) as link (id, jurisdiction_id, chain_seq, prev_hash, hash)
       -- The chain too, so each record is found in its own partition (migration 0035).
       where record.id = link.id and record.jurisdiction_id = link.jurisdiction_id`.execute(trx)
  return { runs, more: waiting.length > AUDIT_SEAL_BATCH }
}

/**
 * The audit chain in PostgreSQL (docs/decisions/0026). An act appends its record in the
 * caller's transaction, unsealed, in one insert and under no lock; `seal` chains committed
 * records afterwards, in its own short transactions. The head moves only by sealing, by the
 * owner's trigger (migrations 0027, 0033); the application role may fill in a record's three
 * chain columns once and change nothing else.
 */
export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(entry: AuditEntry, hasher: Hasher) {
      await db
        .insertInto('audit_records')
        .values({
          jurisdiction_id: entry.jurisdictionId,
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
        })
        .execute()
    },

    async seal(chain?: string) {
      const runs: SealedRun[] = []
      try {
        for (;;) {
          const batch = db.isTransaction
            ? await sealBatch(db, chain)
            : await db.transaction().execute((trx) => sealBatch(trx, chain))
          runs.push(...batch.runs)
          if (!batch.more) break
        }
      } catch (error) {
        if ((error as { code?: string }).code === READ_ONLY_TRANSACTION) return runs
        throw error
      }
      return runs
    },

    async unsealed(chain?: string) {
      let query = db
        .selectFrom('audit_records')
        .select([
          'jurisdiction_id',
          sql<string>`count(*)`.as('records'),
          sql<string>`extract(epoch from now() - min(appended_at))`.as('oldest_seconds'),
        ])
        .where('chain_seq', 'is', null)
        .groupBy('jurisdiction_id')
        .orderBy('jurisdiction_id')
      if (chain !== undefined) query = query.where('jurisdiction_id', '=', chain)
      const rows = await query.execute()
      return rows.map((row) => ({
        chain: row.jurisdiction_id,
        records: Number(row.records),
        oldestSeconds: Number(row.oldest_seconds),
      }))
    },

    async chainJurisdictions() {
      const rows = await db
        .selectFrom('audit_chain_heads')
        .select('jurisdiction_id')
        .union(
          db
            .selectFrom('audit_records')
            .select('jurisdiction_id')
            .where('chain_seq', 'is', null)
            .distinct(),
        )
        .orderBy('jurisdiction_id')
        .execute()
      return rows.map((row) => row.jurisdiction_id)
    },

    async records(jurisdictionId: string) {
      const rows = await db
        .selectFrom('audit_records')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('chain_seq', 'is not', null)
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
        .where('chain_seq', 'is not', null)
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
        .where('chain_seq', 'is not', null)
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
