import type { AuditEntry, ChainedAuditRecord } from './audit-record.ts'
import type { Hasher } from './hasher.ts'

/** What the audit use cases need from storage; the database package implements it. */
export interface AuditRepository {
  /** Appends to the jurisdiction's chain inside the caller's transaction. */
  append(entry: AuditEntry, hasher: Hasher): Promise<ChainedAuditRecord>
  chainJurisdictions(): Promise<string[]>
  records(jurisdictionId: string): Promise<ChainedAuditRecord[]>
  /**
   * The contiguous run of the chain from its first record at or after `fromIso` to its last
   * before `toIso` (by time; returned whole by sequence, so an export has no gaps).
   */
  recordsBetween(chain: string, fromIso: string, toIso: string): Promise<ChainedAuditRecord[]>
  head(jurisdictionId: string): Promise<{ lastSeq: number; lastHash: string } | undefined>
  /** Each chain with its length and the time of its last record. */
  chainSummaries(): Promise<{ chain: string; records: number; lastAt: string | null }[]>
  /** Newest first, below `beforeSeq` when given; `actor` names the person and post acting. */
  recordsPage(
    chain: string,
    page: { limit: number; beforeSeq?: number },
  ): Promise<{ record: ChainedAuditRecord; actor: string | null }[]>
}
