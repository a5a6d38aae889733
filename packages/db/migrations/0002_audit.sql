-- Audit trail: one hash chain per jurisdiction, append-only at the database level.

create table audit_records (
  id bigserial primary key,
  jurisdiction_id text not null references jurisdictions (id),
  chain_seq bigint not null,                 -- 1, 2, 3… within the jurisdiction's chain
  occurred_at timestamptz not null,
  actor_person_id uuid,
  actor_post_id uuid,
  action text not null,
  subject text,
  before_digest text,
  after_digest text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}',
  algorithm text not null check (algorithm in ('sm3', 'sha256')),
  prev_hash text not null,
  hash text not null,
  unique (jurisdiction_id, chain_seq)
);

-- The last link of each chain, so deleting the newest records is detected too.
create table audit_chain_heads (
  jurisdiction_id text primary key references jurisdictions (id),
  last_seq bigint not null,
  last_hash text not null
);

create function audit_records_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_records is append-only (% refused)', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_records_no_update before update on audit_records
  for each row execute function audit_records_append_only();
create trigger audit_records_no_delete before delete on audit_records
  for each row execute function audit_records_append_only();
create trigger audit_records_no_truncate before truncate on audit_records
  for each statement execute function audit_records_append_only();
