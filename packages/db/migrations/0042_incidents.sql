-- 突发事件信息报送 (issue 16, part H4): an incident reported by a unit (township, department) with
-- the reporting steps the rulebook sets from the moment it happened or became known (木里 第八十九条
-- 1 hour by phone, 2 hours in writing), the reports (首报、续报、终报), the duty office's requests for a
-- 续报, the 迟报漏报 register (a step past its due unsatisfied, a report after its due, a 续报 asked
-- and not sent) and the circulars the office makes of the register (迟报漏报通报).

create table incidents (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  reporting_department_id uuid not null references departments (id),
  category text not null,
  category_label text not null default '',
  title text not null check (length(title) between 1 and 200),
  place text not null default '',
  occurred_at timestamptz not null,
  known_at timestamptz,
  clock_from timestamptz not null,                 -- known_at ?? occurred_at: the deadlines run from it
  status text not null check (status in ('open', 'closed')),
  -- The decision's steps: [{ act, label, within, channel, due, to, satisfiedAt, reportId, overdueAt }]
  steps jsonb not null default '[]',
  -- The report elements the rulebook asks for (要素): [{ code, label }]
  elements jsonb not null default '[]',
  rule_ids text[] not null default '{}',
  secrecy text not null default 'internal'
    check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  created_by_person_id uuid not null references people (id),
  created_by_post_id uuid references posts (id),
  created_at timestamptz not null,
  closed_at timestamptz,
  version integer not null default 1
);
create index incidents_open on incidents (jurisdiction_id, status, clock_from);
create index incidents_by_unit on incidents (reporting_department_id, clock_from);

create table incident_reports (
  id uuid primary key,
  incident_id uuid not null references incidents (id),
  kind text not null check (kind in ('first', 'follow-up', 'final')),
  channel text not null check (channel in ('phone', 'written')),
  reported_at timestamptz not null,
  elements jsonb not null default '{}',            -- element code → text
  body text not null default '',
  reported_by_person_id uuid not null references people (id),
  received_by_person_id uuid references people (id),
  late boolean not null default false
);
create index incident_reports_incident on incident_reports (incident_id, reported_at);

create table incident_follow_up_requests (
  id uuid primary key,
  incident_id uuid not null references incidents (id),
  due_at timestamptz not null,
  note text not null default '',
  requested_by_person_id uuid not null references people (id),
  requested_at timestamptz not null,
  satisfied_report_id uuid references incident_reports (id)
);
create index incident_follow_up_requests_incident on incident_follow_up_requests (incident_id);

-- 迟报漏报登记: one row per step (or 续报 request) that passed its due unsatisfied ('missing',
-- then 'late' with its minutes when the report arrives) or was satisfied after it ('late').
create table late_report_entries (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  incident_id uuid not null references incidents (id),
  reporting_department_id uuid not null references departments (id),
  kind text not null check (kind in ('late', 'missing', 'follow-up-overdue')),
  step_act text,                                   -- the step's act code; null for a 续报 request
  follow_up_request_id uuid references incident_follow_up_requests (id),
  due_at timestamptz not null,
  reported_at timestamptz,
  minutes_late integer,
  rule_ids text[] not null default '{}',
  recorded_at timestamptz not null,
  circular_id uuid,
  -- One line per step or request ('<incident>:<act>' or 'follow-up:<request>'): a timer retried
  -- or a late report arriving after the timer finds the line already there.
  entry_key text not null unique
);
create index late_report_entries_by_due on late_report_entries (jurisdiction_id, due_at);

-- 迟报漏报通报 made by the duty office from register entries (like supervision circulars).
create table duty_circulars (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  title text not null check (length(title) between 1 and 200),
  period_from date not null,
  period_to date not null,
  entry_ids uuid[] not null default '{}',
  body jsonb not null default '{}',
  issued_by_person_id uuid not null references people (id),
  issued_by_post_id uuid references posts (id),
  issued_at timestamptz not null,
  rule_ids text[] not null default '{}'
);
create index duty_circulars_by_jurisdiction on duty_circulars (jurisdiction_id, issued_at);

-- Notification kinds of issue 16: 突发事件, 报送超时, 政务舆情, 值班安排.
alter table notifications drop constraint if exists notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (
  kind in ('task', 'remind', 'overdue', 'meeting', 'approval',
           'incident', 'incidentOverdue', 'opinion', 'dutyRoster')
);
