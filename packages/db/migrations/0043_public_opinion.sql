-- 政务舆情 (issue 16): an item of public opinion with its source and first-seen time, the
-- response steps the rulebook sets from that time (延津 十六: 权威信息 5 小时内, 新闻发布会 24 小时内),
-- who is to respond, and the responses published. Also the duty office's event feed (duty_events),
-- which incidents' and opinions' acts and timers append to and the live stream (/api/duty/stream)
-- reads. Touches only its own tables, so it runs in any order beside 0040–0042.

create table opinion_items (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  category text not null,                          -- the rulebook's publicOpinion category
  category_label text not null default '',
  title text not null check (length(title) between 1 and 200),
  summary text not null default '',                -- what is being said
  source text not null check (length(source) between 1 and 100),   -- 媒体/网站/平台 as recorded
  source_url text,
  surfaced_at timestamptz not null,                -- first seen: the clock runs from here
  responsible_department_id uuid references departments (id),
  responsible_post_id uuid references posts (id),
  -- The decision's steps with their due instants, and per step `satisfiedAt`/`responseId`,
  -- `overdueAt` once its timer found it unmet: [{ act, label, within, due, to, ruleId, ... }]
  steps jsonb not null default '[]',
  rule_ids text[] not null default '{}',
  status text not null check (status in ('open', 'responded', 'closed')),
  -- Who sees it: the duty office, the government office, the emergency office and the leaders
  -- (all of the jurisdiction's), and the responsible unit and post — as incidents and the feed.
  secrecy text not null default 'internal'
    check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  created_by_person_id uuid not null references people (id),
  created_at timestamptz not null,
  closed_at timestamptz,
  closed_by_person_id uuid references people (id)
);
create index opinion_items_open on opinion_items (jurisdiction_id, status, surfaced_at);
create index opinion_items_responsible on opinion_items (responsible_department_id);

create table opinion_responses (
  id uuid primary key,
  item_id uuid not null references opinion_items (id),
  step_act text,                                   -- the step it answers (null: any open step)
  published_at timestamptz not null,               -- when the response went out
  channel text not null check (length(channel) between 1 and 100),   -- 官方网站/政务微博/新闻发布会…
  url text,
  body text not null,
  late boolean not null default false,             -- published after the step's due instant
  by_person_id uuid not null references people (id),
  at timestamptz not null                          -- when it was recorded
);
create index opinion_responses_item on opinion_responses (item_id, published_at);

-- What happened on the duty board, in order: a new incident or opinion, a report, a passed
-- deadline. The stream looks at max(id) once per beat and reads only what is new. Who may see an
-- event: the subject's jurisdiction and secrecy, and either the units named (the reporting or
-- responsible unit) or anyone who sees all the jurisdiction's duty matters.
create table duty_events (
  id bigserial primary key,
  jurisdiction_id text not null references jurisdictions (id),
  type text not null check (type in ('incident', 'overdue', 'opinion', 'report')),
  subject text not null check (subject in ('incident', 'opinion')),
  subject_id uuid not null,
  department_ids uuid[] not null default '{}',
  secrecy text not null default 'internal'
    check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  at timestamptz not null
);
create index duty_events_jurisdiction on duty_events (jurisdiction_id, id);
