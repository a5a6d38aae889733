-- 会议活动申请 (issue 15): a department's request to hold a meeting or an event in the
-- government's name, to invite the government's leaders, or to receive foreign guests, checked
-- against the rulebook when filed (advance notice, the no-meeting week, the yearly cap on a
-- department's county-wide meetings), then approved or refused by the government office.
-- Approved requests feed the leaders' activity calendar (领导活动安排).

create table event_requests (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  kind text not null check (kind in ('meeting', 'event', 'leaderInvitation', 'foreignGuest')),
  scope text not null check (scope in ('countywide', 'other')),
  title text not null check (length(title) between 1 and 200),
  event_date date not null,
  event_time text not null default '',            -- 时间 as written (上午9:00), may be empty
  place text not null default '',
  unit_id uuid not null references departments (id),       -- the department asking
  invited_post_ids uuid[] not null default '{}',           -- the leaders invited (posts)
  filed_by_person_id uuid not null references people (id),
  filed_by_post_id uuid not null references posts (id),
  filed_on date not null,                          -- civil date of filing (Asia/Shanghai)
  status text not null check (status in ('pending', 'approved', 'refused', 'withdrawn')),
  late boolean not null default false,             -- filed after a 原则上 lead time (accepted, warned)
  checks jsonb not null default '[]',              -- [{ code, passed, inPrinciple, summary, ruleIds }]
  rule_ids text[] not null default '{}',
  decided_at timestamptz,
  decided_by_post_id uuid references posts (id),
  opinion text,
  secrecy text not null default 'internal'
    check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  distribution_posts uuid[] not null default '{}',
  distribution_departments uuid[] not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index event_requests_by_date on event_requests (jurisdiction_id, event_date);
-- The yearly cap counts a department's requests of one kind and scope in a window.
create index event_requests_by_unit on event_requests (unit_id, kind, scope, event_date);

create table event_request_events (
  id bigserial primary key,
  request_id uuid not null references event_requests (id),
  occurred_at timestamptz not null,
  actor_person_id uuid references people (id),
  actor_post_id uuid references posts (id),
  action text not null,
  text text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}'
);
create index event_request_events_request on event_request_events (request_id, id);
