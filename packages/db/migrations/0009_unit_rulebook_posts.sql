-- The rulebook's name for a unit that acts as a whole (区人民政府办公室 = governmentOffice,
-- 区司法局 = legalOffice), so a rule that names the unit finds its posts.
alter table departments add column rulebook_post text;
