-- 常用批示语: each person's own list of common phrases for opinions (批示, 拟办, 签发, 核稿), in
-- the order they keep them. No row: the person has not set a list, and the product offers its
-- defaults; an empty array: they removed every phrase.
create table instruction_phrase_lists (
  person_id uuid primary key references people (id),
  phrases text[] not null check (cardinality(phrases) <= 30),
  updated_at timestamptz not null
);
