-- The State Council's holiday notice for a year the calendar package does not ship yet: pasted by
-- the system admin, parsed, reviewed and activated with the notice as its source. One per year;
-- the rows are never changed (a trigger refuses updates and deletes), so the calendar a deadline
-- was counted on can always be told.
create table calendar_notices (
  id uuid primary key,
  year integer not null unique check (year between 2000 and 2200),
  title text not null,
  notice_text text not null check (length(notice_text) between 1 and 20000),
  days jsonb not null,                       -- [{ date, kind: holiday | makeupWorkday, name }]
  activated_by text not null,                -- the system admin's username
  activated_at timestamptz not null
);

create function calendar_notices_unchanged() returns trigger language plpgsql as $$
begin
  raise exception 'calendar notices are kept as activated' using errcode = 'insufficient_privilege';
end;
$$;

create trigger calendar_notices_append_only before update or delete on calendar_notices
  for each row execute function calendar_notices_unchanged();
