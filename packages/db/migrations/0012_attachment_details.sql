-- Attachments (附件): who uploaded each file, in which post and when; the size and digest tied to
-- the stored bytes; and the archive rule of 0010 extended to them: a stored file never changes,
-- and an archived document takes no new attachment and loses none.
alter table document_attachments add column uploaded_at timestamptz not null default now();
alter table document_attachments alter column uploaded_at drop default;
alter table document_attachments add column uploaded_by_person_id uuid references people (id);
alter table document_attachments add column uploaded_by_post_id uuid references posts (id);
alter table document_attachments add constraint document_attachments_size_of_content
  check (size_bytes = octet_length(content));
alter table document_attachments add constraint document_attachments_sha256_hex
  check (sha256 ~ '^[0-9a-f]{64}$');

create function document_attachments_guard() returns trigger language plpgsql as $$
declare
  parent uuid;
begin
  if tg_op = 'UPDATE' then
    raise exception 'attachment % cannot change once stored', old.id
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'INSERT' then parent := new.document_id; else parent := old.document_id; end if;
  if exists (select 1 from documents where id = parent and state = 'archived') then
    raise exception 'document % is archived: its attachments cannot change', parent
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'INSERT' then return new; end if;
  return old;
end;
$$;
create trigger document_attachments_guard before insert or update or delete
  on document_attachments for each row execute function document_attachments_guard();
