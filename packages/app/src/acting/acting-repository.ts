import type { ActingPost, ActingSource, AwaySpan, DesignationSpan } from '@zhengling/rules'

/** A post as the acting computation reads it, with its holdings over the span asked. */
export interface ActingPostOverSpan extends Omit<ActingPost, 'held'> {
  holdings: { name: string; from: string; to: string | null }[]
}

/** What acting duty over a span is computed from, read in one statement. */
export interface ActingInputs {
  /** The jurisdiction's posts in roster order (the chart's order). */
  posts: ActingPostOverSpan[]
  /** Absences that make a post away on some day of the span (C2's condition), clipped. */
  away: AwaySpan[]
  /** The office's designations in force on some day of the span. */
  designations: (DesignationSpan & { reason: string; designatedBy: string | null })[]
}

/** A computed acting row as acting_assignments keeps it. */
export interface ComputedActingRow {
  postId: string
  actingPostId: string
  from: string
  to: string
  source: Exclude<ActingSource, never>
  ruleId: string | null
  absenceId: string | null
  note: string
}

export interface ActingDesignationRecord {
  id: string
  jurisdictionId: string
  postId: string
  actingPostId: string
  from: string
  to: string
  reason: string
  ruleId: string | null
  designatedBy: string
  designatedByPostId: string | null
  designatedAt: string
  revokedAt: string | null
}

/** Acting duty as stored: computed rows, and the office's designations. */
export interface ActingRepository {
  /**
   * Waits for, and holds to the end of the transaction, the jurisdiction's acting lock: two
   * recomputes over overlapping days then run one after the other, the second reading what the
   * first committed (a transaction-scoped lock: PgBouncer transaction mode is fine).
   */
  lock(jurisdictionId: string): Promise<void>
  inputs(jurisdictionId: string, from: string, to: string): Promise<ActingInputs>
  /**
   * Replaces the computed rows ('rule', 'designation', 'standIn') over the days from `from` to
   * `to` with `rows` (the parts of older rows outside those days stay): one statement.
   */
  replaceComputed(
    jurisdictionId: string,
    from: string,
    to: string,
    rows: readonly ComputedActingRow[],
  ): Promise<void>
  addDesignation(designation: Omit<ActingDesignationRecord, 'revokedAt'>): Promise<void>
  designation(id: string): Promise<ActingDesignationRecord | undefined>
  revokeDesignation(id: string, at: string, by: string): Promise<void>
}
