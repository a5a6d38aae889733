-- Sessions remember the post the person is acting in (post switching) and keep the CSRF token
-- so a reloaded page can fetch it again: it is useless without the HttpOnly session cookie,
-- which stays stored as a hash only.
alter table sessions add column csrf_token text;
alter table sessions add column current_post_id uuid references posts (id);

-- Acts that belong to no jurisdiction (an administrator signing in, a sign-in attempt for an
-- unknown account) go to one deployment-wide chain, 'deployment'. Every other chain is a
-- jurisdiction's, which a trigger now checks in place of the foreign key.
alter table audit_records drop constraint audit_records_jurisdiction_id_fkey;
alter table audit_chain_heads drop constraint audit_chain_heads_jurisdiction_id_fkey;

create function audit_chain_is_known() returns trigger language plpgsql as $$
begin
  if new.jurisdiction_id <> 'deployment'
     and not exists (select 1 from jurisdictions where id = new.jurisdiction_id) then
    raise exception 'audit chain % is neither a jurisdiction nor the deployment', new.jurisdiction_id
      using errcode = 'foreign_key_violation';
  end if;
  return new;
end;
$$;

create trigger audit_records_chain_known before insert on audit_records
  for each row execute function audit_chain_is_known();
create trigger audit_chain_heads_chain_known before insert on audit_chain_heads
  for each row execute function audit_chain_is_known();
