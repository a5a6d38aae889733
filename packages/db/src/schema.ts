import type { ColumnType, Generated } from 'kysely'

/** Table types for Kysely, mirroring migrations/*.sql. */
export interface Database {
  schema_migrations: { name: string; applied_at: ColumnType<Date, never, never> }
  jurisdictions: {
    id: string
    name: string
    level: 'county' | 'district' | 'city'
    rulebook_version: string
    created_at: ColumnType<Date, never, never>
  }
  departments: {
    id: string
    jurisdiction_id: string
    name: string
    kind: 'department' | 'township' | 'desk'
    rulebook_post: ColumnType<string | null, string | null | undefined, string | null>
  }
  document_prefixes: {
    jurisdiction_id: string
    prefix: string
    issuer: 'government' | 'office' | 'partyGroup' | 'officePartyGroup'
    label: string
  }
  posts: {
    id: string
    jurisdiction_id: string
    role: string
    title: string
    department_id: string | null
    heads_unit: ColumnType<boolean, boolean | undefined, boolean>
  }
  people: {
    id: string
    jurisdiction_id: string
    name: string
    roster_key: ColumnType<string | null, string | null | undefined, string | null>
    clearance: ColumnType<
      'public' | 'internal' | 'secret' | 'confidential',
      'public' | 'internal' | 'secret' | 'confidential' | undefined,
      'public' | 'internal' | 'secret' | 'confidential'
    >
  }
  post_holdings: {
    id: string
    post_id: string
    person_id: string
    from_date: string
    to_date: string | null
  }
  portfolios: { post_id: string; department_id: string; from_date: string; to_date: string | null }
  acting_assignments: {
    id: string
    post_id: string
    acting_post_id: string
    from_date: string
    to_date: string
    rule_id: string | null
  }
  audit_records: {
    id: Generated<string>
    jurisdiction_id: string
    chain_seq: ColumnType<string, string | number, never>
    occurred_at: ColumnType<Date, string, never>
    actor_person_id: string | null
    actor_post_id: string | null
    action: string
    subject: string | null
    before_digest: string | null
    after_digest: string | null
    rule_ids: string[]
    details: ColumnType<Record<string, unknown>, string, never>
    algorithm: 'sm3' | 'sha256'
    prev_hash: string
    hash: string
  }
  jobs: {
    id: Generated<string>
    jurisdiction_id: string | null
    kind: string
    payload: ColumnType<Record<string, unknown>, string | undefined, never>
    run_at: ColumnType<Date, string, string>
    dedupe_key: string | null
    state: ColumnType<'pending' | 'done' | 'failed', never, 'pending' | 'done' | 'failed'>
    attempts: ColumnType<number, never, number>
    max_attempts: ColumnType<number, number | undefined, never>
    last_error: ColumnType<string | null, never, string | null>
    created_at: ColumnType<Date, never, never>
    finished_at: ColumnType<Date | null, never, string | null>
  }
  accounts: {
    id: string
    username: string
    password_hash: string
    person_id: string | null
    admin_role: 'systemAdmin' | 'securityAdmin' | 'auditAdmin' | null
    failed_count: ColumnType<number, number | undefined, number>
    locked_until: ColumnType<Date | null, string | null | undefined, string | null>
    created_at: ColumnType<Date, never, never>
  }
  sessions: {
    id: string
    account_id: string
    csrf_hash: string
    csrf_token: string | null
    current_post_id: string | null
    created_at: ColumnType<Date, string, never>
    last_seen_at: ColumnType<Date, string, string>
    expires_at: ColumnType<Date, string, string>
    revoked_at: ColumnType<Date | null, never, string | null>
  }
  audit_chain_heads: {
    jurisdiction_id: string
    last_seq: ColumnType<string, string | number, string | number>
    last_hash: string
  }
  documents: {
    id: string
    jurisdiction_id: string
    direction: 'incoming' | 'outgoing'
    kind: string
    title: string
    body: ColumnType<string, string | undefined, string>
    sender_department_id: string | null
    sender_reference: string | null
    issuer: string | null
    document_number: string | null
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    secrecy_period: string | null
    urgency: 'normal' | 'urgent' | 'extraUrgent'
    main_recipients: string[]
    copy_recipients: string[]
    signatories: string[]
    contact: string | null
    state: string
    due_date: string | null
    distribution_posts: string[]
    distribution_departments: string[]
    created_by_person_id: string | null
    created_by_post_id: string | null
    created_at: ColumnType<Date, string, never>
    updated_at: ColumnType<Date, string, string>
    search: ColumnType<string, unknown, unknown>
    plan: ColumnType<Record<string, unknown>, string | undefined, string>
    disclosure: ColumnType<
      'active' | 'onRequest' | 'withheld' | null,
      'active' | 'onRequest' | 'withheld' | null | undefined,
      'active' | 'onRequest' | 'withheld' | null
    >
    disclosure_reason: ColumnType<string | null, string | null | undefined, string | null>
  }
  document_events: {
    id: Generated<string>
    document_id: string
    occurred_at: ColumnType<Date, string, never>
    actor_person_id: string | null
    actor_post_id: string | null
    action: string
    opinion: string | null
    rule_ids: string[]
    details: ColumnType<Record<string, unknown>, string, never>
  }
  document_tasks: {
    id: string
    document_id: string
    jurisdiction_id: string
    assignee_post_id: string | null
    assignee_department_id: string | null
    kind: string
    due_date: string | null
    opened_at: ColumnType<Date, string, never>
    closed_at: ColumnType<Date | null, string | null | undefined, string | null>
    outcome: string | null
  }
  document_attachments: {
    id: string
    document_id: string
    name: string
    media_type: string
    size_bytes: number
    sha256: string
    content: Uint8Array
    // 0012: who uploaded it, when.
    uploaded_at: ColumnType<Date, string, never>
    uploaded_by_person_id: string | null
    uploaded_by_post_id: string | null
  }
  document_body_versions: {
    document_id: string
    version: number
    title: string
    body: string
    sha256: string
    saved_by_person_id: string | null
    saved_by_post_id: string | null
    saved_at: ColumnType<Date, string, never>
  }
  document_number_sequences: {
    jurisdiction_id: string
    prefix: string
    year: number
    last_number: number
  }
}
