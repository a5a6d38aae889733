-- Organisation model: jurisdictions bound to a rulebook version, their departments and
-- townships, posts, the people holding them over time, portfolios and acting assignments.

create table jurisdictions (
  id text primary key,                       -- rulebook code, e.g. 'zhongshan'
  name text not null,
  level text not null check (level in ('county', 'district', 'city')),
  rulebook_version text not null,
  created_at timestamptz not null default now()
);

create table departments (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  name text not null,
  kind text not null check (kind in ('department', 'township', 'desk')),
  unique (jurisdiction_id, name)
);

-- A post exists whether or not anyone holds it (a vacancy is a post with no current holding).
create table posts (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  role text not null,                        -- rulebook post id: principal, executiveDeputy, deputy…
  title text not null,                       -- 区长, 常务副区长, 财政局局长…
  department_id uuid references departments (id),
  unique (jurisdiction_id, title)
);
create index posts_jurisdiction_role on posts (jurisdiction_id, role);

create table people (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  name text not null
);

-- One person may hold several posts; a holding runs over a date range, open-ended while current.
create table post_holdings (
  id uuid primary key,
  post_id uuid not null references posts (id),
  person_id uuid not null references people (id),
  from_date date not null,
  to_date date,
  check (to_date is null or to_date >= from_date)
);
create index post_holdings_post on post_holdings (post_id, from_date);
create index post_holdings_person on post_holdings (person_id, from_date);

-- Which departments a deputy's post oversees (分管).
create table portfolios (
  post_id uuid not null references posts (id),
  department_id uuid not null references departments (id),
  from_date date not null,
  to_date date,
  primary key (post_id, department_id, from_date),
  check (to_date is null or to_date >= from_date)
);
create index portfolios_department on portfolios (department_id, from_date);

-- Who acts for an absent post-holder, and under which rule.
create table acting_assignments (
  id uuid primary key,
  post_id uuid not null references posts (id),
  acting_post_id uuid not null references posts (id),
  from_date date not null,
  to_date date not null,
  rule_id text,
  check (to_date >= from_date),
  check (acting_post_id <> post_id)
);
create index acting_assignments_post on acting_assignments (post_id, from_date);
