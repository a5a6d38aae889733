-- A person's key in the jurisdiction's roster file (人员名册), so a re-import updates the same
-- person instead of adding a namesake. People made before rosters have none.
alter table people add column roster_key text;
create unique index people_roster_key on people (jurisdiction_id, roster_key);
