-- Outgoing documents (发文): the sign-off plan the rulebook gave at drafting (review chain,
-- signer, the step reached), the disclosure class decided at issue, and archiving.
alter table documents add column plan jsonb not null default '{}';
alter table documents add column disclosure text
  check (disclosure in ('active', 'onRequest', 'withheld'));
alter table documents add column disclosure_reason text;
alter table documents add constraint documents_withheld_has_reason
  check (disclosure is distinct from 'withheld' or disclosure_reason is not null);

-- An archived document (归档) is a record: nothing about it changes any more.
create function documents_archived_immutable() returns trigger language plpgsql as $$
begin
  if old.state = 'archived' then
    raise exception 'document % is archived and cannot change', old.id
      using errcode = 'insufficient_privilege';
  end if;
  return coalesce(new, old);
end;
$$;
create trigger documents_archived_no_update before update on documents
  for each row execute function documents_archived_immutable();
create trigger documents_archived_no_delete before delete on documents
  for each row execute function documents_archived_immutable();
