-- Body versions (正文版本): every saved title and body of a document, numbered from 1 (written
-- when the document is created) with one more per revision, and who saved it in which post.
-- Append-only: a saved version is history and never changes.
create table document_body_versions (
  document_id uuid not null references documents (id),
  version integer not null check (version >= 1),
  title text not null,
  body text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),  -- of the body, UTF-8
  saved_by_person_id uuid references people (id),
  saved_by_post_id uuid references posts (id),
  saved_at timestamptz not null,
  primary key (document_id, version)
);

-- Documents created before versions were kept: their text as it stands becomes version 1.
insert into document_body_versions
  (document_id, version, title, body, sha256, saved_by_person_id, saved_by_post_id, saved_at)
select id, 1, title, body, encode(sha256(convert_to(body, 'UTF8')), 'hex'),
       created_by_person_id, created_by_post_id, created_at
from documents;

create function document_body_versions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'document body versions are append-only'
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger document_body_versions_no_update before update on document_body_versions
  for each row execute function document_body_versions_append_only();
create trigger document_body_versions_no_delete before delete on document_body_versions
  for each row execute function document_body_versions_append_only();
