import type { AuditEntry, ChainedAuditRecord, ChainHead } from './audit-record.ts'
import type { Hasher } from './hasher.ts'

/** The records one sealing gave a place in a chain: positions `fromSeq` to `toSeq`. */
export interface SealedRun {
  chain: string
  fromSeq: number
  toSeq: number
}

/** A chain's records still waiting for the sealer, and how long the oldest has waited. */
export interface UnsealedRecords {
  chain: string
  records: number
  oldestSeconds: number
}

/** What the audit use cases need from storage; the database package implements it. */
export interface AuditRepository {
  /**
   * Appends a record to the jurisdiction's chain inside the caller's transaction, unsealed: one
   * insert, no lock (docs/decisions/0026). The sealer gives it its place and hash after commit.
   */
  append(entry: AuditEntry, hasher: Hasher): Promise<void>
  /**
   * Chains the committed unsealed records of one chain (or of every chain) now, in batches,
   * each in its own short transaction; a chain another sealer holds is left to it. Nothing on
   * a read-only database (a standby).
   */
  seal(chain?: string): Promise<SealedRun[]>
  /** Chains with records not yet sealed. */
  unsealed(chain?: string): Promise<UnsealedRecords[]>
  /** Every chain with a sealed record or one waiting to be. */
  chainJurisdictions(): Promise<string[]>
  /** The chain's sealed records, in chain order. */
  records(jurisdictionId: string): Promise<ChainedAuditRecord[]>
  /**
   * The contiguous run of the chain from its first record at or after `fromIso` to its last
   * before `toIso` (by time; returned whole by sequence, so an export has no gaps).
   */
  recordsBetween(chain: string, fromIso: string, toIso: string): Promise<ChainedAuditRecord[]>
  head(jurisdictionId: string): Promise<ChainHead | undefined>
  /** Each chain with its length and the time of its last record. */
  chainSummaries(): Promise<{ chain: string; records: number; lastAt: string | null }[]>
  /** Newest first, below `beforeSeq` when given; `actor` names the person and post acting. */
  recordsPage(
    chain: string,
    page: { limit: number; beforeSeq?: number },
  ): Promise<{ record: ChainedAuditRecord; actor: string | null }[]>
}
