-- Accounts and sessions. An account is either a post-holder (linked to a person) or one of the
-- three administrators (三员): system, security and audit admin, never two roles at once.

create table accounts (
  id uuid primary key,
  username text not null unique,
  password_hash text not null,
  person_id uuid references people (id),
  admin_role text check (admin_role in ('systemAdmin', 'securityAdmin', 'auditAdmin')),
  failed_count int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  -- A post-holder is no administrator, and an administrator holds no post.
  check ((person_id is null) <> (admin_role is null))
);

create table sessions (
  id text primary key,                       -- SHA-256 of the token; the token itself is never stored
  account_id uuid not null references accounts (id),
  csrf_hash text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_account on sessions (account_id) where revoked_at is null;
