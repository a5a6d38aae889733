-- 佐证材料: files a unit reports with an item's progress or closure (办理情况的书面报告与佐证).
-- Stored bytes never change: the ledger keeps what was reported.
create table supervision_evidence (
  id uuid primary key,
  item_id uuid not null references supervision_items (id),
  name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null,
  uploaded_by_person_id uuid references people (id),
  uploaded_by_post_id uuid references posts (id)
);
create index supervision_evidence_item on supervision_evidence (item_id);

create function supervision_evidence_immutable() returns trigger language plpgsql as $$
begin
  raise exception '佐证材料一经上传不能修改或删除';
end $$;
create trigger supervision_evidence_immutable before update or delete on supervision_evidence
  for each row execute function supervision_evidence_immutable();
