-- Read paths that do not grow with the data (issue 14, part 3; docs/decisions/0027).

-- 待办: an index in the inbox's own order (due date, nulls last as btree sorts them ascending,
-- then opened), per post and per unit, so a desk's first page is read in order and stops at
-- the page's end instead of sorting all of the desk's open tasks.
drop index document_tasks_open_post;
drop index document_tasks_open_department;
create index document_tasks_open_post on document_tasks (assignee_post_id, due_date, opened_at)
  where closed_at is null;
create index document_tasks_open_department on document_tasks
  (assignee_department_id, due_date, opened_at) where closed_at is null;

-- Full-text search with the access rule in the same index: a document's words plus lexemes for
-- its jurisdiction, its secrecy and who may know it ('#all' when everyone in the jurisdiction
-- may: public, or no distribution list; else one per distribution post and unit). The search
-- asks for words & jurisdiction & a cleared level & (everyone | one of the viewer's posts or
-- units), so the index yields the matches the viewer may see, and only those are ranked.
-- The lexemes hold '#' and ':', which the 'simple' parser never produces from a user's words.
create function document_access_lexemes(
  jurisdiction_id text, secrecy text, posts uuid[], departments uuid[]
) returns tsvector
language sql immutable parallel safe
return array_to_tsvector(
  array['#j:' || jurisdiction_id, '#s:' || secrecy]
  || case when secrecy = 'public' or (cardinality(posts) = 0 and cardinality(departments) = 0)
       then array['#all'] else array[]::text[] end
  || coalesce(string_to_array('#p:' || array_to_string(posts, ' #p:'), ' '), array[]::text[])
  || coalesce(string_to_array('#d:' || array_to_string(departments, ' #d:'), ' '), array[]::text[])
);
create index documents_search_visible on documents using gin (
  (search || document_access_lexemes(jurisdiction_id, secrecy, distribution_posts,
    distribution_departments))
);

-- 督查看板: counters maintained with the items, one row per combination of what the dashboard
-- groups or filters by — the access facts (so visibleTo applies to them as to the items), the
-- lead unit, the state, the due date of an open item, the months assigned and closed — holding
-- how many items and how late. The dashboard sums these rows: their number grows with units,
-- months and distinct distribution lists, not with items. 'infinity' stands for "not kept" (the
-- due date of a closed item, the closing month of an open one) so every key column compares
-- with '='.
create table supervision_item_tallies (
  jurisdiction_id text not null references jurisdictions (id),
  lead_department_id uuid not null,
  secrecy text not null,
  distribution_posts uuid[] not null,
  distribution_departments uuid[] not null,
  state text not null,
  due_date date not null,
  assigned_month date not null,
  closed_month date not null,
  items integer not null,
  on_time integer not null,        -- items with days_late = 0
  late integer not null,           -- items with days_late > 0
  days_late_sum bigint not null,   -- their days late, summed
  primary key (jurisdiction_id, lead_department_id, secrecy, distribution_posts,
    distribution_departments, state, due_date, assigned_month, closed_month)
);

-- Adds `delta` (1 or -1) items like `item` to their tally; a tally that reaches 0 goes.
create function supervision_item_tally(item supervision_items, delta integer) returns void
language plpgsql as $$
declare
  due date := case when item.state <> 'closed' then item.due_date else 'infinity' end;
  assigned date := date_trunc('month', item.assigned_on::timestamp)::date;
  closed date := case when item.state = 'closed' and item.closed_on is not null
    then date_trunc('month', item.closed_on::timestamp)::date else 'infinity' end;
  remaining integer;
begin
  insert into supervision_item_tallies as t values (
    item.jurisdiction_id, item.lead_department_id, item.secrecy, item.distribution_posts,
    item.distribution_departments, item.state, due, assigned, closed, delta,
    case when item.days_late = 0 then delta else 0 end,
    case when item.days_late > 0 then delta else 0 end,
    case when item.days_late > 0 then item.days_late * delta else 0 end)
  on conflict (jurisdiction_id, lead_department_id, secrecy, distribution_posts,
    distribution_departments, state, due_date, assigned_month, closed_month)
  do update set items = t.items + excluded.items, on_time = t.on_time + excluded.on_time,
    late = t.late + excluded.late, days_late_sum = t.days_late_sum + excluded.days_late_sum
  returning t.items into remaining;
  if remaining = 0 then
    delete from supervision_item_tallies
    where jurisdiction_id = item.jurisdiction_id and lead_department_id = item.lead_department_id
      and secrecy = item.secrecy and distribution_posts = item.distribution_posts
      and distribution_departments = item.distribution_departments and state = item.state
      and due_date = due and assigned_month = assigned and closed_month = closed and items = 0;
  end if;
end $$;

-- A total order over tallies (a function of the tally's key alone).
create function supervision_item_tally_order(item supervision_items) returns text
language sql immutable
return concat_ws('|', item.jurisdiction_id, item.lead_department_id, item.secrecy,
  item.distribution_posts, item.distribution_departments, item.state,
  case when item.state <> 'closed' then item.due_date end,
  date_trunc('month', item.assigned_on::timestamp)::date,
  case when item.state = 'closed' then date_trunc('month', item.closed_on::timestamp)::date end);

-- The tallies follow every insert, delete and change of a counted column. An item moving from
-- one tally to another updates the two in one order (the smaller key first), so two acts moving
-- items across the same two tallies in opposite directions wait instead of deadlocking.
create function supervision_items_tally() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform supervision_item_tally(new, 1);
  elsif tg_op = 'DELETE' then
    perform supervision_item_tally(old, -1);
  elsif (old.jurisdiction_id, old.lead_department_id, old.secrecy, old.distribution_posts,
         old.distribution_departments, old.state, old.due_date, old.assigned_on, old.closed_on,
         old.days_late)
        is distinct from
        (new.jurisdiction_id, new.lead_department_id, new.secrecy, new.distribution_posts,
         new.distribution_departments, new.state, new.due_date, new.assigned_on, new.closed_on,
         new.days_late) then
    if supervision_item_tally_order(old) <= supervision_item_tally_order(new) then
      perform supervision_item_tally(old, -1);
      perform supervision_item_tally(new, 1);
    else
      perform supervision_item_tally(new, 1);
      perform supervision_item_tally(old, -1);
    end if;
  end if;
  return null;
end $$;
create trigger supervision_items_tally after insert or update or delete on supervision_items
  for each row execute function supervision_items_tally();

insert into supervision_item_tallies
select jurisdiction_id, lead_department_id, secrecy, distribution_posts, distribution_departments,
       state, case when state <> 'closed' then due_date else 'infinity' end,
       date_trunc('month', assigned_on::timestamp)::date,
       case when state = 'closed' and closed_on is not null
         then date_trunc('month', closed_on::timestamp)::date else 'infinity' end,
       count(*), count(*) filter (where days_late = 0), count(*) filter (where days_late > 0),
       coalesce(sum(days_late) filter (where days_late > 0), 0)
from supervision_items
group by 1, 2, 3, 4, 5, 6, 7, 8, 9;
