-- 会议材料: the files a unit puts forward with an agenda item (木里 第十七条 有关部门负责准备会议材料).
-- Stored bytes never change; a meeting's record is what was before it.
create table agenda_item_materials (
  id uuid primary key,
  agenda_item_id uuid not null references agenda_items (id),
  name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null,
  uploaded_by_person_id uuid references people (id),
  uploaded_by_post_id uuid references posts (id)
);
create index agenda_item_materials_item on agenda_item_materials (agenda_item_id);

create function agenda_item_materials_immutable() returns trigger language plpgsql as $$
begin
  raise exception '会议材料一经上传不能修改或删除';
end $$;
create trigger agenda_item_materials_immutable before update or delete on agenda_item_materials
  for each row execute function agenda_item_materials_immutable();
