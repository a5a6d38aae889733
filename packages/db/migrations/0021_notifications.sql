-- Notifications (消息中心, issue 12 part 2): one message per addressee, written in the act's own
-- transaction (outbox); per-person channel choices; one outbound delivery per message, person and
-- outside channel, sent by a durable job (ADR 0013).

create table notifications (
  id uuid primary key,
  -- The order pages read new messages in (the live stream's cursor).
  seq bigserial not null unique,
  jurisdiction_id text not null references jurisdictions (id),
  -- Exactly one addressee: a post (whoever holds it or acts for it), a unit, or a person.
  recipient_post_id uuid references posts (id),
  recipient_department_id uuid references departments (id),
  recipient_person_id uuid references people (id),
  kind text not null check (kind in ('task', 'remind', 'overdue', 'meeting', 'approval')),
  title text not null check (length(title) between 1 and 300),
  body text not null default '',
  link text,
  secrecy text not null default 'internal'
    check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  created_at timestamptz not null,
  -- The same act written twice (a retried timer) keeps one message.
  dedupe_key text unique,
  check (num_nonnulls(recipient_post_id, recipient_department_id, recipient_person_id) = 1)
);
create index notifications_post on notifications (recipient_post_id, seq) where recipient_post_id is not null;
create index notifications_department on notifications (recipient_department_id, seq)
  where recipient_department_id is not null;
create index notifications_person on notifications (recipient_person_id, seq) where recipient_person_id is not null;

-- Read per person: a post's message read by its holder stays unread for whoever acts for it.
create table notification_reads (
  notification_id uuid not null references notifications (id),
  person_id uuid not null references people (id),
  read_at timestamptz not null,
  primary key (notification_id, person_id)
);

-- What each person chose: 站内 always; e-mail to their address; a messaging gateway's id for them.
create table notification_preferences (
  person_id uuid primary key references people (id),
  email_enabled boolean not null default false,
  email_address text check (email_address is null or length(email_address) <= 254),
  webhook_enabled boolean not null default false,
  webhook_recipient text check (webhook_recipient is null or length(webhook_recipient) <= 128),
  updated_at timestamptz not null
);

-- One delivery per message × person × outside channel: the unique key is what makes a retried or
-- raced producer still send once; the status says where it stands, `dead` after the job's limit.
create table notification_deliveries (
  id bigserial primary key,
  notification_id uuid not null references notifications (id),
  person_id uuid not null references people (id),
  channel text not null check (channel in ('email', 'webhook')),
  address text not null,
  status text not null default 'pending' check (status in ('pending', 'retrying', 'sent', 'dead')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (notification_id, person_id, channel)
);
create index notification_deliveries_open on notification_deliveries (status)
  where status in ('pending', 'retrying');
