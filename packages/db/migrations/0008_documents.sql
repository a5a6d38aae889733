-- Documents (公文), incoming and outgoing: the record, its flow history, its open tasks (待办 /
-- 待阅), attachments, and the number sequences (发文字号). Documents are protected records:
-- jurisdiction, secrecy and distribution (知悉范围) filter every query (visible-to.ts).

create table documents (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  direction text not null check (direction in ('incoming', 'outgoing')),
  kind text not null,                        -- 文种 as the rulebook names it: 请示, 报告, 通知…
  title text not null check (length(title) between 1 and 200),
  body text not null default '',
  sender_department_id uuid references departments (id),  -- incoming: the unit that sent it
  sender_reference text,                     -- incoming: 来文文号
  issuer text,                               -- outgoing: the issuing organ (a numbering prefix's issuer)
  document_number text,                      -- outgoing: 发文字号, once assigned
  secrecy text not null check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  secrecy_period text,
  urgency text not null default 'normal' check (urgency in ('normal', 'urgent', 'extraUrgent')),
  main_recipients text[] not null default '{}',
  copy_recipients text[] not null default '{}',
  signatories text[] not null default '{}',  -- 签发人 of an upward document
  contact text,
  state text not null,
  due_date date,                             -- the processing time limit now running
  distribution_posts uuid[] not null default '{}',
  distribution_departments uuid[] not null default '{}',
  created_by_person_id uuid references people (id),
  created_by_post_id uuid references posts (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  search tsvector not null default ''::tsvector
);
create index documents_listing on documents (jurisdiction_id, direction, state, due_date);
create index documents_search on documents using gin (search);
create unique index documents_number on documents (jurisdiction_id, document_number)
  where document_number is not null;

-- The flow history: every act on a document, with the post it was done in and the rules it followed.
create table document_events (
  id bigserial primary key,
  document_id uuid not null references documents (id),
  occurred_at timestamptz not null,
  actor_person_id uuid references people (id),
  actor_post_id uuid references posts (id),
  action text not null,
  opinion text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}'
);
create index document_events_document on document_events (document_id, id);

-- What someone must do next: a post's (待办, 待阅) or a department's (转办 to a unit).
create table document_tasks (
  id uuid primary key,
  document_id uuid not null references documents (id),
  jurisdiction_id text not null references jurisdictions (id),
  assignee_post_id uuid references posts (id),
  assignee_department_id uuid references departments (id),
  kind text not null,
  due_date date,
  opened_at timestamptz not null,
  closed_at timestamptz,
  outcome text,
  check ((assignee_post_id is null) <> (assignee_department_id is null))
);
create index document_tasks_open_post on document_tasks (assignee_post_id, due_date)
  where closed_at is null;
create index document_tasks_open_department on document_tasks (assignee_department_id, due_date)
  where closed_at is null;
create index document_tasks_document on document_tasks (document_id);

create table document_attachments (
  id uuid primary key,
  document_id uuid not null references documents (id),
  name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  content bytea not null
);
create index document_attachments_document on document_attachments (document_id);

-- One gapless sequence per numbering prefix per year: the row lock serialises concurrent
-- assignments, and a rolled-back assignment rolls its number back too.
create table document_number_sequences (
  jurisdiction_id text not null references jurisdictions (id),
  prefix text not null,
  year integer not null,
  last_number integer not null check (last_number >= 0),
  primary key (jurisdiction_id, prefix, year)
);
