-- Least privilege (docs/decisions/0020): the role that runs these migrations owns every table;
-- the server connects as the application role `zhengling_app` (or a login role that is a member
-- of it), which owns nothing, so it cannot disable triggers, and may only read and append the
-- audit trail: no UPDATE, DELETE or TRUNCATE on audit_records or audit_chain_heads. Changing
-- session_replication_role needs a superuser, which it is not. The role is cluster-wide and made
-- NOLOGIN: the operator gives it a password (`alter role zhengling_app login password '…'`) or
-- grants it to a login role. On the embedded database the statements are harmless: the one
-- connection there is the owner.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'zhengling_app') then
    begin
      create role zhengling_app nologin;
    exception
      -- Another database on the same server created it at the same moment (tests run in parallel).
      when duplicate_object or unique_violation then null;
    end;
  end if;
end;
$$;

grant usage on schema public to zhengling_app;
grant select, insert, update, delete on all tables in schema public to zhengling_app;
grant usage, select on all sequences in schema public to zhengling_app;
-- Tables and sequences later migrations create (as this same owner) are granted alike.
alter default privileges in schema public grant select, insert, update, delete on tables to zhengling_app;
alter default privileges in schema public grant usage, select on sequences to zhengling_app;

-- The audit trail: read and append only. The server learns which migrations ran; it runs none.
revoke update, delete, truncate on audit_records, audit_chain_heads from zhengling_app;
revoke insert, update, delete, truncate on schema_migrations from zhengling_app;

-- The chain head moves with each appended record, by a trigger that runs as the owner: the
-- application appends a record and the head follows it; it can never move the head itself
-- (rewind it over deleted records). A record that does not continue the head is refused.
create function audit_records_advance_head() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  update audit_chain_heads
     set last_seq = new.chain_seq, last_hash = new.hash
   where jurisdiction_id = new.jurisdiction_id
     and last_seq = new.chain_seq - 1
     and last_hash = new.prev_hash;
  if not found then
    raise exception 'audit record % of chain % does not continue the chain head',
      new.chain_seq, new.jurisdiction_id using errcode = 'integrity_constraint_violation';
  end if;
  return null;
end;
$$;

create trigger audit_records_advance_head after insert on audit_records
  for each row execute function audit_records_advance_head();
