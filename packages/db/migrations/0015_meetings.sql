-- Meetings (会议) of the kinds a rulebook defines (全体会议, 常务会议…): who takes part, the agenda
-- items (议题) with the gates they passed, dissent raised before the meeting, attendance and leave
-- with a named substitute, and each item's decision. A meeting is a protected record like a
-- document: jurisdiction, secrecy and distribution filter every query (visible-to.ts).

create table meetings (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  meeting_type text not null,                 -- the rulebook's meeting id: standing, plenary…
  title text not null check (length(title) between 1 and 200),
  starts_at timestamptz not null,
  location text not null default '',
  presider_post_id uuid references posts (id),
  state text not null check (state in ('planned', 'agendaApproved', 'open', 'closed')),
  secrecy text not null check (secrecy in ('public', 'internal', 'secret', 'confidential')),
  distribution_posts uuid[] not null default '{}',
  distribution_departments uuid[] not null default '{}',
  agenda_approved_at timestamptz,
  agenda_approved_by_post_id uuid references posts (id),
  opened_at timestamptz,
  closed_at timestamptz,
  quorum jsonb,                               -- the quorum decision taken at opening
  minutes_document_id uuid references documents (id),
  minutes_due date,
  created_by_person_id uuid references people (id),
  created_by_post_id uuid references posts (id),
  created_at timestamptz not null
);
create index meetings_calendar on meetings (jurisdiction_id, starts_at);

-- Members (组成人员, who count for the quorum) and attendees (列席) by post.
create table meeting_participants (
  meeting_id uuid not null references meetings (id),
  post_id uuid not null references posts (id),
  role text not null check (role in ('member', 'attendee')),
  attendance text not null default 'invited'
    check (attendance in ('invited', 'leaveRequested', 'onLeave', 'present', 'absent')),
  leave_reason text,
  substitute text,                            -- 代会人员, named on the leave request
  leave_requested_at timestamptz,
  leave_decided_by_post_id uuid references posts (id),
  leave_decided_at timestamptz,
  leave_rule_ids text[] not null default '{}',
  primary key (meeting_id, post_id)
);

create table agenda_items (
  id uuid primary key,
  meeting_id uuid not null references meetings (id),
  position integer not null,
  title text not null check (length(title) between 1 and 200),
  summary text not null default '',
  submitting_department_id uuid not null references departments (id),
  submitted_by_person_id uuid references people (id),
  submitted_by_post_id uuid references posts (id),
  submitted_at timestamptz not null,
  characteristics text[] not null default '{}', -- what the item is: involvesOtherUnits…
  completed jsonb not null default '[]',       -- steps done before the meeting, with who recorded them
  involved_department_ids uuid[] not null default '{}',
  ad_hoc boolean not null default false,       -- 临时动议: added after the agenda was approved
  state text not null check (state in ('submitted', 'approved', 'withdrawn', 'decided')),
  decision text check (decision in ('adopted', 'adoptedWithChanges', 'deferred', 'rejected')),
  decision_text text,
  decided_at timestamptz,
  unique (meeting_id, position)
);
create index agenda_items_meeting on agenda_items (meeting_id, position);

-- 不同意见 on an item, raised to the submitting unit before the meeting (钟山 第四十三条).
create table agenda_dissents (
  id uuid primary key,
  agenda_item_id uuid not null references agenda_items (id),
  raised_by_person_id uuid references people (id),
  raised_by_post_id uuid not null references posts (id),
  raised_at timestamptz not null,
  text text not null,
  response text check (response in ('adopted', 'notAdopted')),
  response_text text,
  responded_at timestamptz
);
create index agenda_dissents_item on agenda_dissents (agenda_item_id);

-- The meeting's history: every act, by whom in which post, and the rules it followed.
create table meeting_events (
  id bigserial primary key,
  meeting_id uuid not null references meetings (id),
  agenda_item_id uuid references agenda_items (id),
  occurred_at timestamptz not null,
  actor_person_id uuid references people (id),
  actor_post_id uuid references posts (id),
  action text not null,
  text text,
  rule_ids text[] not null default '{}',
  details jsonb not null default '{}'
);
create index meeting_events_meeting on meeting_events (meeting_id, id);
