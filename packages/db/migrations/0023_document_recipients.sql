-- Electronic distribution (分发): 主送/抄送 chosen from the organisation, delivery to units'
-- inboxes at 印发, their 签收 and the issuing office's 催收.

-- Groups of units a document may be addressed to as one (各乡（镇）人民政府、街道办事处, 区政府各部门):
-- the label as the government writes it, and the unit kinds it covers. Roster data, not code.
create table recipient_groups (
  jurisdiction_id text not null references jurisdictions (id),
  label text not null check (length(label) between 1 and 64),
  unit_kinds text[] not null check (cardinality(unit_kinds) > 0),
  position integer not null,
  primary key (jurisdiction_id, label)
);

-- A document's 主送/抄送 as written, in order: an internal unit, a group (its label as written,
-- expanded to its units at 印发), or an outside recipient (上级机关, other organs) sent on paper.
create table document_recipients (
  document_id uuid not null references documents (id),
  role text not null check (role in ('main', 'copy')),
  position integer not null,
  department_id uuid references departments (id),
  group_label text,
  outside_name text,
  primary key (document_id, role, position),
  check (num_nonnulls(department_id, group_label, outside_name) = 1)
);

-- One internal unit's copy of an issued document: delivered at 印发 with its 签收 task, signed
-- for by someone of the unit (time, person, post), reminded (催收) by the issuing office.
create table document_receipts (
  document_id uuid not null references documents (id),
  department_id uuid not null references departments (id),
  role text not null check (role in ('main', 'copy')),
  task_id uuid not null references document_tasks (id),
  delivered_at timestamptz not null,
  signed_at timestamptz,
  signed_by_person_id uuid references people (id),
  signed_by_post_id uuid references posts (id),
  reminded_at timestamptz,
  reminders integer not null default 0 check (reminders >= 0),
  primary key (document_id, department_id),
  check ((signed_at is null) = (signed_by_person_id is null))
);
create index document_receipts_department on document_receipts (department_id, signed_at);
