-- Login done properly (issue 13, ADR 0021): password age and must-change, the previous passwords
-- that may not be reused, the security admin's settings, and failure counts for names without an
-- account and for client addresses, so spraying is slowed and unknown names lock like real ones.
alter table accounts add column password_changed_at timestamptz not null default now();
alter table accounts add column must_change_password boolean not null default false;
-- The order sessions were opened in, for ending the oldest beyond the limit (clocks can tie).
alter table sessions add column opened_seq bigserial;

-- The hashes a password replaced, newest first by replaced_at; only the last few are read.
create table password_history (
  account_id uuid not null references accounts (id),
  password_hash text not null,
  replaced_at timestamptz not null,
  seq bigserial
);
create index password_history_account on password_history (account_id, seq desc);

-- One row: the security admin's settings. 0 expiry days = passwords do not expire.
create table security_settings (
  id boolean primary key default true check (id),
  password_expiry_days integer not null default 0 check (password_expiry_days between 0 and 3650),
  password_history_count integer not null default 5 check (password_history_count between 0 and 24),
  max_sessions_per_account integer not null default 10
    check (max_sessions_per_account between 1 and 100),
  updated_by text,
  updated_at timestamptz
);
insert into security_settings (id) values (true);

-- Failure counts not tied to an account row: 'username:<name>' for a name without an account,
-- 'client:<address>' for the address a request came from.
create table login_throttle (
  key text primary key,
  failed_count integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
create index login_throttle_window on login_throttle (window_started_at);
