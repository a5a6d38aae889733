-- 请销假 and 外出报备 (issue 15): a leader's, department head's or township head's absence —
-- 出差、出访、休假、学习、请假、离县外出 — as filed, approved or filed-only (报备), and closed by
-- 销假. The approver, the posts informed and the lead time come from the rulebook
-- (leave-approval) and are kept with the rules followed. A post's holder is away on day d iff
-- status in ('approved','filed','returned') and from_date <= d <= least(to_date, returned_on).

create table absences (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  person_id uuid not null references people (id),
  post_id uuid not null references posts (id),          -- the post whose holder is away
  unit_id uuid references departments (id),             -- that post's unit, if any
  category text not null,                               -- rulebook category code
  from_date date not null,
  to_date date not null,                                -- inclusive both ends
  days integer not null check (days > 0),
  destination text not null check (length(destination) between 1 and 200),
  reason text not null check (length(reason) between 1 and 500),
  contact text not null check (length(contact) between 1 and 100),
  stand_in_post_id uuid references posts (id),          -- 在家主持工作的负责人 as the requester names it
  mode text not null check (mode in ('approval', 'filing')),
  status text not null
    check (status in ('pending', 'approved', 'refused', 'filed', 'withdrawn', 'returned')),
  approver_post_id uuid references posts (id),          -- null for a filing
  approver_post_ids uuid[] not null default '{}',       -- every post that may decide
  via_post_ids uuid[] not null default '{}',            -- 经…报 (posts the request passes)
  inform_post_ids uuid[] not null default '{}',         -- posts the office informs
  file_with_post_ids uuid[] not null default '{}',      -- 备案
  report_back_post_ids uuid[] not null default '{}',    -- 销假 to
  filed_at timestamptz not null,
  latest_filing date,                                   -- the last day to file in time, if any
  late boolean not null default false,
  conflict jsonb,                                       -- { summary, forbidden, ruleIds } when flagged
  decided_at timestamptz,
  decided_by_post_id uuid references posts (id),
  opinion text,
  returned_on date,
  return_report text,
  rule_ids text[] not null default '{}',
  secrecy text not null default 'internal'
    check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  distribution_posts uuid[] not null default '{}',
  distribution_departments uuid[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (from_date <= to_date),
  check (returned_on is null or returned_on >= from_date)
);
create index absences_by_dates on absences (jurisdiction_id, from_date, to_date);
create index absences_by_person on absences (person_id, from_date);
create index absences_to_decide on absences (jurisdiction_id, status) where status = 'pending';
-- 未销假: approved or filed absences past their end and not yet closed.
create index absences_to_return on absences (jurisdiction_id, to_date)
  where status in ('approved', 'filed');

create table absence_events (
  id bigserial primary key,
  absence_id uuid not null references absences (id),
  occurred_at timestamptz not null,
  actor_person_id uuid references people (id),
  actor_post_id uuid references posts (id),
  action text not null,
  text text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}'
);
create index absence_events_absence on absence_events (absence_id, id);
