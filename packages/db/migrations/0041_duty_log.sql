-- Duty log and handover (值班日志、交接班, issue 16; contract C3 of the issue's parts): what came in
-- on duty (calls, leaders' instructions, hotline items, incidents) at the minute it came, what was
-- done, what passes to the next shift; and the handover between shifts, signed by the one who
-- hands (handed_*) and the one who receives (received_*). Only these two tables; they follow the
-- duty units and shifts of 0040_duty_rosters.

create table duty_log_entries (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  duty_unit_id uuid not null references duty_units (id),
  shift_id uuid references duty_shifts (id),         -- the shift covering received_at, if any
  kind text not null check (kind in ('call', 'instruction', 'hotline', 'incident', 'other')),
  received_at timestamptz not null check (date_trunc('minute', received_at) = received_at),
  from_text text not null default '',
  summary text not null,
  action_taken text not null default '',
  pass_on boolean not null default false,            -- passes to the next shift (交班事项)
  -- dispatched to the ledger: the entry is claimed for the item before the item is written, in
  -- the same transaction (one statement fewer), so the check waits for the commit
  supervision_item_id uuid references supervision_items (id) deferrable initially deferred,
  incident_id uuid,                                  -- an incident report (issue 16, 0042)
  recorded_by_person_id uuid not null references people (id),
  recorded_by_post_id uuid not null references posts (id),
  recorded_at timestamptz not null
);
create index duty_log_entries_unit_received on duty_log_entries (duty_unit_id, received_at);
create index duty_log_entries_shift on duty_log_entries (shift_id);

create table duty_handovers (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  duty_unit_id uuid not null references duty_units (id),
  from_shift_id uuid not null unique references duty_shifts (id), -- a shift is handed over once
  to_shift_id uuid references duty_shifts (id),
  notes text not null default '',
  handed_by_person_id uuid not null references people (id),
  handed_at timestamptz not null,
  received_by_person_id uuid references people (id),
  received_at timestamptz,
  check ((received_by_person_id is null) = (received_at is null)),
  check (received_by_person_id is null or received_by_person_id <> handed_by_person_id)
);
create index duty_handovers_unit_handed on duty_handovers (duty_unit_id, handed_at);
