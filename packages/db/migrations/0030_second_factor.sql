-- Second factor (ADR 0022): TOTP per RFC 6238 with one-time recovery codes, and the short-lived
-- challenge between the password and the code. Nothing here is a session.

-- The security admin may require a second factor of any account; the three admins always need one.
alter table accounts add column second_factor_required boolean not null default false;

create table second_factors (
  account_id uuid primary key references accounts (id),
  kind text not null default 'totp' check (kind in ('totp')),
  -- The TOTP secret sealed with SM4-CTR + HMAC-SM3 under a key from the configuration
  -- (ZHENGLING_SECOND_FACTOR_KEY), never in the database.
  secret_sealed text not null,
  -- Null while enrolling: a factor counts only once a code from the app confirmed it.
  confirmed_at timestamptz,
  -- The last accepted time step: a code is never accepted twice (replay in its window).
  last_step bigint,
  created_at timestamptz not null
);

create table recovery_codes (
  account_id uuid not null references accounts (id),
  code_hash text not null,                  -- SHA-256 of the code; the code is shown once
  used_at timestamptz,
  primary key (account_id, code_hash)
);

-- Between a correct password and the second step: the token's SHA-256, its purpose (a code to
-- check, or an enrolment to finish), a few attempts and a few minutes.
create table login_challenges (
  id text primary key,
  account_id uuid not null references accounts (id),
  purpose text not null check (purpose in ('verify', 'enrol')),
  attempts int not null default 0,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null
);
create index login_challenges_account on login_challenges (account_id);
