import type { ColumnType, Generated } from 'kysely'

/** A day of an activated holiday notice (calendar_notices.days). */
export interface CalendarNoticeDay {
  date: string
  kind: 'holiday' | 'makeupWorkday'
  name: string
}

/** Table types for Kysely, mirroring migrations/*.sql. */
export interface Database {
  schema_migrations: { name: string; applied_at: ColumnType<Date, never, never> }
  calendar_notices: {
    id: string
    year: number
    title: string
    notice_text: string
    days: ColumnType<CalendarNoticeDay[], string, never>
    activated_by: string
    activated_at: Date
  }
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
    /** Where the row comes from (migration 0037): typed in the roster, or computed. */
    source: ColumnType<
      'roster' | 'rule' | 'designation' | 'standIn',
      'roster' | 'rule' | 'designation' | 'standIn' | undefined,
      'roster' | 'rule' | 'designation' | 'standIn'
    >
    absence_id: ColumnType<string | null, string | null | undefined, string | null>
    designated_by: ColumnType<string | null, string | null | undefined, string | null>
    reason: ColumnType<string | null, string | null | undefined, string | null>
    /** 代行区长职责 — 第六条 */
    note: ColumnType<string | null, string | null | undefined, string | null>
  }
  /** The posts' order as the roster lists them (migration 0037). */
  post_ranks: { post_id: string; rank: number }
  /** The office's explicit designations of who acts (migration 0037). */
  acting_designations: {
    id: string
    jurisdiction_id: string
    post_id: string
    acting_post_id: string
    from_date: string
    to_date: string
    reason: string
    rule_id: string | null
    designated_by: string
    designated_by_post_id: string | null
    designated_at: ColumnType<Date, string, never>
    revoked_at: ColumnType<Date | null, never, string>
    revoked_by: ColumnType<string | null, never, string>
  }
  audit_records: {
    id: Generated<string>
    jurisdiction_id: string
    /** Null until sealed (docs/decisions/0026); then set once, never changed. */
    chain_seq: ColumnType<string | null, never, string | number>
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
    prev_hash: ColumnType<string | null, never, string>
    hash: ColumnType<string | null, never, string>
    appended_at: ColumnType<Date, never, never>
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
    password_changed_at: ColumnType<Date, string | undefined, string>
    must_change_password: ColumnType<boolean, boolean | undefined, boolean>
    second_factor_required: ColumnType<boolean, boolean | undefined, boolean>
  }
  second_factors: {
    account_id: string
    kind: ColumnType<'totp', 'totp' | undefined, never>
    secret_sealed: string
    confirmed_at: ColumnType<Date | null, string | null | undefined, string | null>
    last_step: ColumnType<string | null, number | null | undefined, number | null>
    created_at: ColumnType<Date, string, string>
  }
  recovery_codes: {
    account_id: string
    code_hash: string
    used_at: ColumnType<Date | null, string | null | undefined, string | null>
  }
  login_challenges: {
    id: string
    account_id: string
    purpose: 'verify' | 'enrol'
    attempts: ColumnType<number, number | undefined, number>
    expires_at: ColumnType<Date, string, never>
    used_at: ColumnType<Date | null, string | null | undefined, string | null>
    created_at: ColumnType<Date, string, never>
  }
  password_history: {
    account_id: string
    password_hash: string
    replaced_at: ColumnType<Date, string, never>
    seq: ColumnType<string, never, never>
  }
  security_settings: {
    id: ColumnType<boolean, never, never>
    password_expiry_days: number
    password_history_count: number
    max_sessions_per_account: number
    updated_by: string | null
    updated_at: ColumnType<Date | null, never, string>
  }
  login_throttle: {
    key: string
    failed_count: number
    window_started_at: ColumnType<Date, string, string>
    locked_until: ColumnType<Date | null, string | null, string | null>
  }
  sessions: {
    id: string
    account_id: string
    csrf_hash: string
    current_post_id: string | null
    created_at: ColumnType<Date, string, never>
    last_seen_at: ColumnType<Date, string, string>
    expires_at: ColumnType<Date, string, string>
    revoked_at: ColumnType<Date | null, never, string | null>
    opened_seq: ColumnType<string, never, never>
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
    // 0022: 收文编号, and what the 秘书股 records of a document received from outside.
    receipt_number: ColumnType<string | null, string | null | undefined, string | null>
    external_sender: ColumnType<string | null, string | null | undefined, string | null>
    copies: ColumnType<number | null, number | null | undefined, number | null>
    received_on: ColumnType<string | null, string | null | undefined, string | null>
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
  // 0023: electronic distribution.
  recipient_groups: {
    jurisdiction_id: string
    label: string
    unit_kinds: string[]
    position: number
  }
  document_recipients: {
    document_id: string
    role: 'main' | 'copy'
    position: number
    department_id: string | null
    group_label: string | null
    outside_name: string | null
  }
  document_receipts: {
    document_id: string
    department_id: string
    role: 'main' | 'copy'
    task_id: string
    delivered_at: ColumnType<Date, string, never>
    signed_at: ColumnType<Date | null, string | null | undefined, string | null>
    signed_by_person_id: string | null
    signed_by_post_id: string | null
    reminded_at: ColumnType<Date | null, string | null | undefined, string | null>
    reminders: ColumnType<number, number | undefined, number>
  }
  document_number_sequences: {
    jurisdiction_id: string
    prefix: string
    year: number
    last_number: number
  }
  receipt_number_sequences: {
    jurisdiction_id: string
    year: number
    last_number: number
  }
  receipt_number_formats: {
    jurisdiction_id: string
    template: string
  }
  meetings: {
    id: string
    jurisdiction_id: string
    meeting_type: string
    title: string
    /** Changes until the meeting opens (edit-meeting). */
    starts_at: ColumnType<Date, string, string>
    location: string
    presider_post_id: string | null
    state: 'planned' | 'agendaApproved' | 'open' | 'closed'
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    distribution_posts: string[]
    distribution_departments: string[]
    agenda_approved_at: ColumnType<Date | null, string | null, string | null>
    agenda_approved_by_post_id: string | null
    opened_at: ColumnType<Date | null, string | null, string | null>
    closed_at: ColumnType<Date | null, string | null, string | null>
    quorum: ColumnType<Record<string, unknown> | null, string | null, string | null>
    minutes_document_id: string | null
    minutes_due: string | null
    created_by_person_id: string | null
    created_by_post_id: string | null
    created_at: ColumnType<Date, string, never>
  }
  meeting_participants: {
    meeting_id: string
    post_id: string
    role: 'member' | 'attendee'
    attendance: 'invited' | 'leaveRequested' | 'onLeave' | 'present' | 'absent'
    leave_reason: string | null
    substitute: string | null
    leave_requested_at: ColumnType<Date | null, string | null, string | null>
    leave_decided_by_post_id: string | null
    leave_decided_at: ColumnType<Date | null, string | null, string | null>
    leave_rule_ids: string[]
  }
  agenda_items: {
    id: string
    meeting_id: string
    position: number
    title: string
    summary: string
    submitting_department_id: string
    submitted_by_person_id: string | null
    submitted_by_post_id: string | null
    submitted_at: ColumnType<Date, string, never>
    characteristics: string[]
    completed: ColumnType<unknown[], string, string>
    involved_department_ids: string[]
    ad_hoc: boolean
    state: 'submitted' | 'approved' | 'withdrawn' | 'decided'
    decision: 'adopted' | 'adoptedWithChanges' | 'deferred' | 'rejected' | null
    decision_text: string | null
    decided_at: ColumnType<Date | null, string | null, string | null>
  }
  agenda_dissents: {
    id: string
    agenda_item_id: string
    raised_by_person_id: string | null
    raised_by_post_id: string
    raised_at: ColumnType<Date, string, never>
    text: string
    response: 'adopted' | 'notAdopted' | null
    response_text: string | null
    responded_at: ColumnType<Date | null, string | null, string | null>
  }
  meeting_events: {
    id: Generated<string>
    meeting_id: string
    agenda_item_id: string | null
    occurred_at: ColumnType<Date, string, never>
    actor_person_id: string | null
    actor_post_id: string | null
    action: string
    text: string | null
    rule_ids: string[]
    details: ColumnType<Record<string, unknown>, string, never>
  }
  supervision_items: {
    id: string
    jurisdiction_id: string
    source: string
    source_label: string
    meeting_id: string | null
    agenda_item_id: string | null
    document_id: string | null
    title: string
    requirement: string
    lead_department_id: string
    co_department_ids: string[]
    responsible_person: string
    assigned_on: string
    due_date: string
    original_due_date: string
    milestones: ColumnType<unknown[], string, string>
    state: 'open' | 'closeRequested' | 'closed'
    pending_extension: ColumnType<Record<string, unknown> | null, string | null, string | null>
    closed_on: string | null
    days_late: number | null
    remind_on: string
    reminded_for: string | null
    escalated_for: string | null
    rule_ids: string[]
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    distribution_posts: string[]
    distribution_departments: string[]
    created_at: ColumnType<Date, string, never>
    updated_at: ColumnType<Date, string, string>
  }
  /** Maintained by a trigger on supervision_items (migration 0034): read only. */
  supervision_item_tallies: {
    jurisdiction_id: string
    lead_department_id: string
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    distribution_posts: string[]
    distribution_departments: string[]
    state: 'open' | 'closeRequested' | 'closed'
    due_date: string
    assigned_month: string
    closed_month: string
    items: number
    on_time: number
    late: number
    days_late_sum: string
  }
  supervision_events: {
    id: Generated<string>
    item_id: string
    occurred_at: ColumnType<Date, string, never>
    actor_person_id: string | null
    actor_post_id: string | null
    action: string
    text: string | null
    rule_ids: string[]
    details: ColumnType<Record<string, unknown>, string, never>
  }
  /** 请销假 and 外出报备 (migration 0036). */
  absences: {
    id: string
    jurisdiction_id: string
    person_id: string
    post_id: string
    unit_id: string | null
    category: string
    from_date: string
    to_date: string
    days: number
    destination: string
    reason: string
    contact: string
    stand_in_post_id: string | null
    mode: 'approval' | 'filing'
    status: 'pending' | 'approved' | 'refused' | 'filed' | 'withdrawn' | 'returned'
    approver_post_id: string | null
    approver_post_ids: Generated<string[]>
    via_post_ids: Generated<string[]>
    inform_post_ids: Generated<string[]>
    file_with_post_ids: Generated<string[]>
    report_back_post_ids: Generated<string[]>
    filed_at: ColumnType<Date, string, never>
    latest_filing: string | null
    late: Generated<boolean>
    conflict: ColumnType<Record<string, unknown> | null, string | null, string | null>
    decided_at: ColumnType<Date | null, string | null, string | null>
    decided_by_post_id: string | null
    opinion: string | null
    returned_on: string | null
    return_report: string | null
    rule_ids: Generated<string[]>
    secrecy: Generated<'public' | 'internal' | 'secret' | 'confidential'>
    distribution_posts: Generated<string[]>
    distribution_departments: Generated<string[]>
    version: Generated<number>
    created_at: ColumnType<Date, string, never>
    updated_at: ColumnType<Date, string, string>
  }
  absence_events: {
    id: Generated<string>
    absence_id: string
    occurred_at: ColumnType<Date, string, never>
    actor_person_id: string | null
    actor_post_id: string | null
    action: string
    text: string | null
    rule_ids: string[]
    details: ColumnType<Record<string, unknown>, string, never>
  }
  supervision_circulars: {
    id: string
    jurisdiction_id: string
    period_from: string
    period_to: string
    issued_at: ColumnType<Date, string, never>
    issued_by_post_id: string | null
    title: string
    lines: ColumnType<unknown[], string, never>
  }
  agenda_item_materials: {
    id: string
    agenda_item_id: string
    name: string
    media_type: string
    size_bytes: number
    sha256: string
    content: Uint8Array
    uploaded_at: ColumnType<Date, string, never>
    uploaded_by_person_id: string | null
    uploaded_by_post_id: string | null
  }
  supervision_evidence: {
    id: string
    item_id: string
    name: string
    media_type: string
    size_bytes: number
    sha256: string
    content: Uint8Array
    uploaded_at: ColumnType<Date, string, never>
    uploaded_by_person_id: string | null
    uploaded_by_post_id: string | null
  }
  instruction_phrase_lists: {
    person_id: string
    phrases: string[]
    updated_at: ColumnType<Date, string, string>
  }
  /** 政务舆情 (migration 0043_public_opinion, issue 16). */
  opinion_items: {
    id: string
    jurisdiction_id: string
    category: string
    category_label: string
    title: string
    summary: ColumnType<string, string | undefined, string>
    source: string
    source_url: string | null
    surfaced_at: ColumnType<Date, string, never>
    responsible_department_id: string | null
    responsible_post_id: string | null
    steps: ColumnType<unknown[], string, string>
    rule_ids: string[]
    status: 'open' | 'responded' | 'closed'
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    created_by_person_id: string
    created_at: ColumnType<Date, string, never>
    closed_at: ColumnType<Date | null, string | null, string | null>
    closed_by_person_id: string | null
  }
  opinion_responses: {
    id: string
    item_id: string
    step_act: string | null
    published_at: ColumnType<Date, string, never>
    channel: string
    url: string | null
    body: string
    late: boolean
    by_person_id: string
    at: ColumnType<Date, string, never>
  }
  /** The duty board's feed, read by /api/duty/stream (migration 0043). */
  duty_events: {
    id: Generated<string>
    jurisdiction_id: string
    type: 'incident' | 'overdue' | 'opinion' | 'report'
    subject: 'incident' | 'opinion'
    subject_id: string
    department_ids: string[]
    secrecy: ColumnType<
      'public' | 'internal' | 'secret' | 'confidential',
      'public' | 'internal' | 'secret' | 'confidential' | undefined,
      never
    >
    at: ColumnType<Date, string, never>
  }
  notifications: {
    id: string
    seq: ColumnType<string, never, never>
    jurisdiction_id: string
    recipient_post_id: string | null
    recipient_department_id: string | null
    recipient_person_id: string | null
    kind:
      | 'task'
      | 'remind'
      | 'overdue'
      | 'meeting'
      | 'approval'
      | 'incident'
      | 'incidentOverdue'
      | 'opinion'
      | 'dutyRoster'
    title: string
    body: ColumnType<string, string | undefined, string>
    link: string | null
    secrecy: ColumnType<
      'public' | 'internal' | 'secret' | 'confidential',
      'public' | 'internal' | 'secret' | 'confidential' | undefined,
      never
    >
    created_at: ColumnType<Date, string, never>
    dedupe_key: string | null
  }
  notification_reads: {
    notification_id: string
    person_id: string
    read_at: ColumnType<Date, string, string>
  }
  notification_preferences: {
    person_id: string
    email_enabled: boolean
    email_address: string | null
    webhook_enabled: boolean
    webhook_recipient: string | null
    updated_at: ColumnType<Date, string, string>
  }
  notification_deliveries: {
    id: Generated<string>
    notification_id: string
    person_id: string
    channel: 'email' | 'webhook'
    address: string
    status: ColumnType<
      'pending' | 'retrying' | 'sent' | 'dead',
      'pending' | undefined,
      'pending' | 'retrying' | 'sent' | 'dead'
    >
    attempts: ColumnType<number, never, number>
    last_error: ColumnType<string | null, never, string | null>
    created_at: ColumnType<Date, string, never>
    sent_at: ColumnType<Date | null, never, string | null>
  }
  /** 会议活动申请 (migration 0038). */
  /** 突发事件信息报送 (migration 0042_incidents, issue 16). */
  incidents: {
    id: string
    jurisdiction_id: string
    reporting_department_id: string
    category: string
    category_label: string
    title: string
    place: string
    occurred_at: ColumnType<Date, string, never>
    known_at: ColumnType<Date | null, string | null, never>
    clock_from: ColumnType<Date, string, never>
    status: 'open' | 'closed'
    steps: ColumnType<unknown[], string, string>
    elements: ColumnType<unknown[], string, never>
    rule_ids: string[]
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    created_by_person_id: string
    created_by_post_id: string | null
    created_at: ColumnType<Date, string, never>
    closed_at: ColumnType<Date | null, string | null, string | null>
    version: ColumnType<number, number | undefined, number>
  }
  incident_reports: {
    id: string
    incident_id: string
    kind: 'first' | 'follow-up' | 'final'
    channel: 'phone' | 'written'
    reported_at: ColumnType<Date, string, never>
    elements: ColumnType<Record<string, string>, string, never>
    body: string
    reported_by_person_id: string
    received_by_person_id: string | null
    late: boolean
  }
  incident_follow_up_requests: {
    id: string
    incident_id: string
    due_at: ColumnType<Date, string, never>
    note: string
    requested_by_person_id: string
    requested_at: ColumnType<Date, string, never>
    satisfied_report_id: string | null
  }
  late_report_entries: {
    id: string
    jurisdiction_id: string
    incident_id: string
    reporting_department_id: string
    kind: 'late' | 'missing' | 'follow-up-overdue'
    step_act: string | null
    follow_up_request_id: string | null
    due_at: ColumnType<Date, string, never>
    reported_at: ColumnType<Date | null, string | null, string | null>
    minutes_late: number | null
    rule_ids: string[]
    recorded_at: ColumnType<Date, string, never>
    circular_id: string | null
    entry_key: string
    /** 核实 (0044): null until the duty office reviews the line. */
    review: 'confirmed' | 'excused' | null
    review_reason: string | null
    reviewed_by_person_id: string | null
    reviewed_by_post_id: string | null
    reviewed_at: ColumnType<Date | null, string | null, string | null>
  }
  duty_circulars: {
    id: string
    jurisdiction_id: string
    title: string
    period_from: string
    period_to: string
    entry_ids: string[]
    body: ColumnType<Record<string, unknown>, string, never>
    issued_by_person_id: string
    issued_by_post_id: string | null
    issued_at: ColumnType<Date, string, never>
    rule_ids: string[]
  }
  event_requests: {
    id: string
    jurisdiction_id: string
    kind: 'meeting' | 'event' | 'leaderInvitation' | 'foreignGuest'
    scope: 'countywide' | 'other'
    title: string
    event_date: string
    event_time: string
    place: string
    unit_id: string
    invited_post_ids: string[]
    filed_by_person_id: string
    filed_by_post_id: string
    filed_on: string
    status: 'pending' | 'approved' | 'refused' | 'withdrawn'
    late: boolean
    checks: ColumnType<unknown[], string, string>
    rule_ids: string[]
    decided_at: ColumnType<Date | null, string | null, string | null>
    decided_by_post_id: string | null
    opinion: string | null
    secrecy: 'public' | 'internal' | 'secret' | 'confidential'
    distribution_posts: string[]
    distribution_departments: string[]
    created_at: ColumnType<Date, string, never>
    updated_at: ColumnType<Date, string, string>
  }
  event_request_events: {
    id: Generated<string>
    request_id: string
    occurred_at: ColumnType<Date, string, never>
    actor_person_id: string | null
    actor_post_id: string | null
    action: string
    text: string | null
    rule_ids: string[]
    details: ColumnType<Record<string, unknown>, string, never>
  }
  /** 因公出国(境) follow-ups recorded done (migration 0039_abroad_follow_ups). */
  abroad_follow_up_completions: {
    absence_id: string
    rule_id: string
    jurisdiction_id: string
    done_on: string
    recorded_by_person_id: string
    recorded_by_post_id: string
    recorded_at: ColumnType<Date, string, never>
  }
  /** 值班表: the units that keep duty (migration 0040_duty_rosters). */
  duty_units: {
    id: string
    jurisdiction_id: string
    department_id: string
    season: string | null
    season_from: string | null
    season_to: string | null
    season_basis: string | null
    shift_pattern: ColumnType<Record<string, unknown>, string, string>
    leader_post_ids: string[]
    staff_post_ids: string[]
    created_at: ColumnType<Date, string | undefined, never>
  }
  /** A duty shift with its leader on call and staff (migration 0040_duty_rosters). */
  duty_shifts: {
    id: string
    jurisdiction_id: string
    duty_unit_id: string
    starts_at: ColumnType<Date, string, string>
    ends_at: ColumnType<Date, string, string>
    day_type: 'workday' | 'restday' | 'holiday'
    holiday_name: string | null
    label: Generated<string>
    leader_post_id: string | null
    leader_person_id: string | null
    staff_person_ids: Generated<string[]>
    status: Generated<'draft' | 'published'>
    published_at: ColumnType<Date | null, string | null | undefined, string | null>
    version: Generated<number>
  }
  /** Swaps on a published shift, audited (migration 0040_duty_rosters). */
  duty_swaps: {
    id: string
    shift_id: string
    from_person_id: string | null
    to_person_id: string
    role: 'leader' | 'staff'
    reason: string
    by_person_id: string
    at: ColumnType<Date, string, never>
  }
}
