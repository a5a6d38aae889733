/**
 * The columns every history table (meeting_events, supervision_events) shares: when, who in which
 * post, what, the text, the rules it followed and details. Each table adds its own subject key.
 */
export interface HistoryEntry {
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  action: string
  text: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

interface HistoryRow {
  occurred_at: Date
  actor_person_id: string | null
  actor_post_id: string | null
  action: string
  text: string | null
  rule_ids: string[]
  details: Record<string, unknown>
}

/** The shared columns of an entry, as inserted. */
export function historyColumns(entry: HistoryEntry) {
  return {
    occurred_at: entry.occurredAt,
    actor_person_id: entry.actorPersonId,
    actor_post_id: entry.actorPostId,
    action: entry.action,
    text: entry.text,
    rule_ids: entry.ruleIds,
    details: JSON.stringify(entry.details),
  }
}

/** The shared fields of an entry, as read. */
export function historyEntryOf(row: HistoryRow): HistoryEntry {
  return {
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorPersonId: row.actor_person_id,
    actorPostId: row.actor_post_id,
    action: row.action,
    text: row.text,
    ruleIds: row.rule_ids,
    details: row.details,
  }
}
