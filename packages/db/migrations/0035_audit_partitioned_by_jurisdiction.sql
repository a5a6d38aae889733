-- The audit trail partitioned by jurisdiction (docs/decisions/0029): audit_records, the largest
-- append-only table (one row per act, no foreign key points at it), becomes a table partitioned
-- by hash of jurisdiction_id into 8 partitions, so each chain lives in one partition and every
-- read of a chain (verify, viewer, export, sealer) touches only that partition's indexes. Hash,
-- not list: jurisdictions are created at run time (and the 'deployment' chain) by a role that may
-- not create tables, so a fixed set of partitions that needs no DDL per jurisdiction.
--
-- Rebuilt in place: the table is renamed, a partitioned one created with the same columns,
-- defaults and sequence, the rows copied, the old table dropped, then the constraints, indexes,
-- triggers and grants of migrations 0002, 0005, 0027 and 0033 put back. The primary key now
-- includes the partition key (PostgreSQL requires it); id still comes from one sequence.

alter sequence audit_records_id_seq owned by none;
alter table audit_records rename to audit_records_unpartitioned;

create table audit_records (
  id bigint not null default nextval('audit_records_id_seq'),
  jurisdiction_id text not null,
  chain_seq bigint,
  occurred_at timestamptz not null,
  actor_person_id uuid,
  actor_post_id uuid,
  action text not null,
  subject text,
  before_digest text,
  after_digest text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}',
  algorithm text not null constraint audit_records_algorithm_check check (algorithm in ('sm3', 'sha256')),
  prev_hash text,
  hash text,
  appended_at timestamptz not null default now()
) partition by hash (jurisdiction_id);

alter sequence audit_records_id_seq owned by audit_records.id;

create table audit_records_0 partition of audit_records for values with (modulus 8, remainder 0);
create table audit_records_1 partition of audit_records for values with (modulus 8, remainder 1);
create table audit_records_2 partition of audit_records for values with (modulus 8, remainder 2);
create table audit_records_3 partition of audit_records for values with (modulus 8, remainder 3);
create table audit_records_4 partition of audit_records for values with (modulus 8, remainder 4);
create table audit_records_5 partition of audit_records for values with (modulus 8, remainder 5);
create table audit_records_6 partition of audit_records for values with (modulus 8, remainder 6);
create table audit_records_7 partition of audit_records for values with (modulus 8, remainder 7);

-- Copied before any trigger exists: sealed records are not appended unsealed again.
insert into audit_records (id, jurisdiction_id, chain_seq, occurred_at, actor_person_id,
    actor_post_id, action, subject, before_digest, after_digest, rule_ids, details, algorithm,
    prev_hash, hash, appended_at)
  select id, jurisdiction_id, chain_seq, occurred_at, actor_person_id, actor_post_id, action,
         subject, before_digest, after_digest, rule_ids, details, algorithm, prev_hash, hash,
         appended_at
    from audit_records_unpartitioned;
drop table audit_records_unpartitioned;

alter table audit_records add constraint audit_records_pkey primary key (id, jurisdiction_id);
alter table audit_records add constraint audit_records_jurisdiction_id_chain_seq_key
  unique (jurisdiction_id, chain_seq);
create index audit_records_unsealed on audit_records (jurisdiction_id, id) where chain_seq is null;

-- Row triggers on the parent are cloned onto every partition (and onto any attached later).
create trigger audit_records_chain_known before insert on audit_records
  for each row execute function audit_chain_is_known();
create trigger audit_records_append_unsealed before insert on audit_records
  for each row execute function audit_records_append_unsealed();
create trigger audit_records_seal_only before update on audit_records
  for each row execute function audit_records_seal_only();
create trigger audit_records_no_delete before delete on audit_records
  for each row execute function audit_records_append_only();
-- Statement triggers fire for the table a statement names, so the parent and each partition get
-- them: TRUNCATE refused, and a sealing UPDATE must continue the chain heads either way.
create trigger audit_records_no_truncate before truncate on audit_records
  for each statement execute function audit_records_append_only();
create trigger audit_records_advance_heads after update on audit_records
  referencing new table as sealed
  for each statement execute function audit_records_advance_heads();

-- The application role reads, appends and seals (the three chain columns), through the parent
-- or a partition alike; no UPDATE of anything else, no DELETE, no TRUNCATE.
revoke all on audit_records from zhengling_app;
grant select, insert on audit_records to zhengling_app;
grant update (chain_seq, prev_hash, hash) on audit_records to zhengling_app;

do $$
declare
  part text;
begin
  for part in
    select inhrelid::regclass::text from pg_inherits where inhparent = 'audit_records'::regclass
  loop
    execute format('create trigger audit_records_no_truncate before truncate on %s
      for each statement execute function audit_records_append_only()', part);
    execute format('create trigger audit_records_advance_heads after update on %s
      referencing new table as sealed
      for each statement execute function audit_records_advance_heads()', part);
    execute format('revoke all on %s from zhengling_app', part);
    execute format('grant select, insert on %s to zhengling_app', part);
    execute format('grant update (chain_seq, prev_hash, hash) on %s to zhengling_app', part);
  end loop;
end;
$$;
