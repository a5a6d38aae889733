-- The supervision ledger (督查台账): items to follow up — meeting decisions, leader instructions,
-- deployments from above, 政府工作报告 tasks, deputies' suggestions — each with its lead unit, due
-- date from the rulebook by source, milestones, progress, extensions and the closing review.

create table supervision_items (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  source text not null,                        -- meetingDecision, leaderInstruction, manual sources…
  source_label text not null,
  meeting_id uuid references meetings (id),
  agenda_item_id uuid references agenda_items (id),
  document_id uuid references documents (id),
  title text not null check (length(title) between 1 and 200),
  requirement text not null default '',
  lead_department_id uuid not null references departments (id),
  co_department_ids uuid[] not null default '{}',
  responsible_person text not null default '',
  assigned_on date not null,
  due_date date not null,
  original_due_date date not null,
  milestones jsonb not null default '[]',      -- [{ title, dueDate, doneOn }]
  state text not null check (state in ('open', 'closeRequested', 'closed')),
  pending_extension jsonb,                     -- { requestedDue, reason, requestedAt } while undecided
  closed_on date,
  days_late integer check (days_late >= 0),    -- calendar days past due when closed
  remind_on date not null,                     -- when the before-due reminder goes out
  reminded_for date,                           -- the due date the before-due reminder was sent for
  escalated_for date,                          -- the due date the overdue escalation was sent for
  rule_ids text[] not null default '{}',
  secrecy text not null check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  distribution_posts uuid[] not null default '{}',
  distribution_departments uuid[] not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index supervision_items_ledger on supervision_items (jurisdiction_id, state, due_date);
create index supervision_items_lead on supervision_items (lead_department_id, state);
-- The reminder scan reads only open items still owed a reminder (by reminder day) or an
-- escalation (by due date) for their current due date: once sent, an item leaves the index, so
-- a tick with nothing due reads nothing however many items are open or overdue.
create index supervision_items_to_remind on supervision_items (remind_on)
  where state <> 'closed' and reminded_for is distinct from due_date;
create index supervision_items_to_escalate on supervision_items (due_date)
  where state <> 'closed' and escalated_for is distinct from due_date;

create table supervision_events (
  id bigserial primary key,
  item_id uuid not null references supervision_items (id),
  occurred_at timestamptz not null,
  actor_person_id uuid references people (id),
  actor_post_id uuid references posts (id),
  action text not null,
  text text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}'
);
create index supervision_events_item on supervision_events (item_id, id);

-- 通报: the units on time, late and overdue over a period, as issued.
create table supervision_circulars (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  period_from date not null,
  period_to date not null,
  issued_at timestamptz not null,
  issued_by_post_id uuid references posts (id),
  title text not null,
  lines jsonb not null,
  check (period_from <= period_to)
);
create index supervision_circulars_jurisdiction on supervision_circulars (jurisdiction_id, issued_at);
