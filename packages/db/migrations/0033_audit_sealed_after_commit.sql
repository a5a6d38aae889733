-- Audit off the critical section (docs/decisions/0026). An act appends its record unsealed, in
-- one statement and under no lock: no chain position, no hashes. A sealer chains committed
-- records afterwards, in batches, by filling in chain_seq, prev_hash and hash, which is the only
-- change the table ever accepts; the chain head follows each sealing statement. So acts of one
-- jurisdiction no longer wait on each other for the chain, and the chain is still one gap-free
-- hash chain per jurisdiction, its head moved only by sealing.

alter table audit_records
  alter column chain_seq drop not null,
  alter column prev_hash drop not null,
  alter column hash drop not null,
  -- When the record was appended, by the database's clock (set by the trigger below): how long
  -- a record has waited unsealed is measured from it.
  add column appended_at timestamptz not null default now();

-- The sealer's work list stays small: the unsealed records of each chain, in append order.
create index audit_records_unsealed on audit_records (jurisdiction_id, id) where chain_seq is null;

-- Records arrive unsealed; only sealing gives them a place in the chain.
drop trigger audit_records_advance_head on audit_records;
drop function audit_records_advance_head();

create function audit_records_append_unsealed() returns trigger language plpgsql as $$
begin
  if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null then
    raise exception 'audit records are appended unsealed: only sealing gives record % of chain % its place',
      new.chain_seq, new.jurisdiction_id using errcode = 'integrity_constraint_violation';
  end if;
  new.appended_at := now();
  return new;
end;
$$;

create trigger audit_records_append_unsealed before insert on audit_records
  for each row execute function audit_records_append_unsealed();

-- Append-only, but for sealing: an unsealed record may receive its chain_seq, prev_hash and hash
-- once, every other column unchanged (compared as a whole row, so a column added later is
-- covered too). Anything else is refused as before.
drop trigger audit_records_no_update on audit_records;

create function audit_records_seal_only() returns trigger language plpgsql as $$
begin
  if old.chain_seq is not null or old.prev_hash is not null or old.hash is not null
     or new.chain_seq is null or new.prev_hash is null or new.hash is null
     or (to_jsonb(new) - 'chain_seq' - 'prev_hash' - 'hash')
        is distinct from (to_jsonb(old) - 'chain_seq' - 'prev_hash' - 'hash') then
    raise exception 'audit_records is append-only (UPDATE refused): a record is only ever sealed once'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;

create trigger audit_records_seal_only before update on audit_records
  for each row execute function audit_records_seal_only();

-- The heads follow each sealing statement, as the owner: the records it sealed must continue
-- their chain's head one by one (next position, previous hash), and the head moves to the last.
-- A batch that skips, repeats or does not link is refused whole.
create function audit_records_advance_heads() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  link record;
  chain text := null;
  head_seq bigint;
  head_hash text;
begin
  for link in
    select jurisdiction_id, chain_seq, prev_hash, hash from sealed order by jurisdiction_id, chain_seq
  loop
    if chain is distinct from link.jurisdiction_id then
      if chain is not null then
        update audit_chain_heads set last_seq = head_seq, last_hash = head_hash
         where jurisdiction_id = chain;
      end if;
      chain := link.jurisdiction_id;
      select last_seq, last_hash into head_seq, head_hash
        from audit_chain_heads where jurisdiction_id = chain for update;
      if not found then
        raise exception 'audit chain % has no head to continue', chain
          using errcode = 'integrity_constraint_violation';
      end if;
    end if;
    if link.chain_seq <> head_seq + 1 or link.prev_hash <> head_hash then
      raise exception 'audit record % of chain % does not continue the chain head',
        link.chain_seq, chain using errcode = 'integrity_constraint_violation';
    end if;
    head_seq := link.chain_seq;
    head_hash := link.hash;
  end loop;
  if chain is not null then
    update audit_chain_heads set last_seq = head_seq, last_hash = head_hash
     where jurisdiction_id = chain;
  end if;
  return null;
end;
$$;

create trigger audit_records_advance_heads after update on audit_records
  referencing new table as sealed
  for each statement execute function audit_records_advance_heads();

-- A chain's head starts at the beginning: nobody inserts a head part-way along.
create function audit_chain_heads_start_at_genesis() returns trigger language plpgsql as $$
begin
  if new.last_seq <> 0 or new.last_hash <> repeat('0', 64) then
    raise exception 'audit chain % must start at its genesis', new.jurisdiction_id
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;

create trigger audit_chain_heads_start_at_genesis before insert on audit_chain_heads
  for each row execute function audit_chain_heads_start_at_genesis();

-- The application role seals: it may fill in the three chain columns, nothing else.
grant update (chain_seq, prev_hash, hash) on audit_records to zhengling_app;
