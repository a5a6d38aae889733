-- Duty rosters (值班表, issue 16; contract C3 of the issue's parts): the units that keep duty
-- (总值班室, 应急办; 木里 第八十八条, 钟山 第五十七条, 托克逊 七十六), their shifts with the leader on
-- call (带班领导) and staff, and the swaps made after publishing. Only these three tables.

create table duty_units (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  department_id uuid not null references departments (id),
  season text,                                    -- null: year round; else the rulebook's season code
  season_from text check (season_from ~ '^\d{2}-\d{2}$'),
  season_to text check (season_to ~ '^\d{2}-\d{2}$'),
  season_basis text,                              -- the article (or source) the season follows
  -- per day type (workday/restday/holiday): [{label, start 'HH:MM', end 'HH:MM', staff}];
  -- an end at or before the start is the next day's
  shift_pattern jsonb not null,
  leader_post_ids uuid[] not null default '{}',   -- 带班领导 candidates, in rotation order
  staff_post_ids uuid[] not null default '{}',    -- 值班员 candidates, in rotation order
  created_at timestamptz not null default now()
);
-- one year-round unit and one per season for a department
create unique index duty_units_department_season on duty_units (department_id, coalesce(season, ''));

create table duty_shifts (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  duty_unit_id uuid not null references duty_units (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  day_type text not null check (day_type in ('workday', 'restday', 'holiday')),
  holiday_name text,
  label text not null default '',
  leader_post_id uuid references posts (id),
  leader_person_id uuid references people (id),
  staff_person_ids uuid[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  version int not null default 1,
  unique (duty_unit_id, starts_at)
);
create index duty_shifts_jurisdiction_starts on duty_shifts (jurisdiction_id, starts_at);
create index duty_shifts_unit_starts on duty_shifts (duty_unit_id, starts_at);

create table duty_swaps (
  id uuid primary key,
  shift_id uuid not null references duty_shifts (id),
  from_person_id uuid references people (id),
  to_person_id uuid not null references people (id),
  role text not null check (role in ('leader', 'staff')),
  reason text not null,
  by_person_id uuid not null references people (id),
  at timestamptz not null
);
create index duty_swaps_shift on duty_swaps (shift_id);
