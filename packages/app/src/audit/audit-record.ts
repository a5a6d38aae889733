import { type Hasher, hasherFor } from './hasher.ts'

/** What an audit record says, before it is chained. */
export interface AuditEntry {
  jurisdictionId: string
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  action: string
  subject: string | null
  beforeDigest: string | null
  afterDigest: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

export interface ChainedAuditRecord extends AuditEntry {
  chainSeq: number
  algorithm: Hasher['algorithm']
  prevHash: string
  hash: string
}

/** The first link's predecessor: 64 zeros, for both SM3 and SHA-256. */
export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every level, so equal records always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The hash of one link: the record's content, its position in the chain and the previous hash.
 * Changing any field, moving the record or dropping its predecessor changes it.
 */
export function auditRecordHash(
  entry: AuditEntry,
  chainSeq: number,
  prevHash: string,
  hasher: Hasher,
): string {
  // Name the fields: a chained record passed in must hash as the entry it was made from.
  const content = {
    jurisdictionId: entry.jurisdictionId,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    actorPersonId: entry.actorPersonId,
    actorPostId: entry.actorPostId,
    action: entry.action,
    subject: entry.subject,
    beforeDigest: entry.beforeDigest,
    afterDigest: entry.afterDigest,
    ruleIds: entry.ruleIds,
    details: entry.details,
  }
  return hasher.hash(canonicalJson({ ...content, chainSeq, prevHash, algorithm: hasher.algorithm }))
}

/** Where a chain stands: its last record's position and hash (0 and GENESIS_HASH when empty). */
export interface ChainHead {
  lastSeq: number
  lastHash: string
}

/**
 * The links for records appended unsealed, in the order given, continuing `head`: each gets the
 * next position, the previous record's hash and its own hash (with its own algorithm). The
 * sealer stores them; the database refuses any that do not continue the head one by one.
 */
export function linkAuditRecords(
  head: ChainHead,
  records: readonly (AuditEntry & { algorithm: Hasher['algorithm'] })[],
): { chainSeq: number; prevHash: string; hash: string }[] {
  let chainSeq = head.lastSeq
  let prevHash = head.lastHash
  return records.map((record) => {
    chainSeq += 1
    const hash = auditRecordHash(record, chainSeq, prevHash, hasherFor(record.algorithm))
    const link = { chainSeq, prevHash, hash }
    prevHash = hash
    return link
  })
}

/** An entry with the fields a command does not set left empty. */
export function auditEntry(
  fields: Pick<AuditEntry, 'jurisdictionId' | 'occurredAt' | 'action'> & Partial<AuditEntry>,
): AuditEntry {
  return {
    actorPersonId: null,
    actorPostId: null,
    subject: null,
    beforeDigest: null,
    afterDigest: null,
    ruleIds: [],
    details: {},
    ...fields,
  }
}

/** A stable digest of a state (before/after a command), for the audit record. */
export function digestOf(state: unknown, hasher: Hasher): string {
  return hasher.hash(canonicalJson(state))
}
