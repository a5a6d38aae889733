-- Acting duty the whole product follows (issue 15): who acts for an away post-holder is computed
-- from the absences (0036) and the rulebook's acting rules, and written to acting_assignments
-- over the days it holds; the roster's typed-in rows stay ('roster'). The office's explicit
-- designations (办公室明确, where the rule leaves the choice to the head or is silent) are kept
-- apart in acting_designations: they take effect only on the days the rule reaches them.

alter table acting_assignments
  add column source text not null default 'roster'
    check (source in ('roster', 'rule', 'designation', 'standIn')),
  add column absence_id uuid,                     -- the absence that made the post away
  add column designated_by uuid references people (id),
  add column reason text,
  add column note text;                           -- 代行区长职责 — 第六条, as every act shows it

create index acting_assignments_acting_post on acting_assignments (acting_post_id, from_date);

create table acting_designations (
  id uuid primary key,
  jurisdiction_id text not null references jurisdictions (id),
  post_id uuid not null references posts (id),            -- whose duties
  acting_post_id uuid not null references posts (id),     -- who acts, when the rule reaches them
  from_date date not null,
  to_date date not null,
  reason text not null check (length(reason) between 1 and 500),
  rule_id text,
  designated_by uuid not null references people (id),
  designated_by_post_id uuid references posts (id),
  designated_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references people (id),
  check (to_date >= from_date),
  check (acting_post_id <> post_id)
);
create index acting_designations_by_dates on acting_designations (jurisdiction_id, from_date, to_date);

-- The posts' order as the roster lists them: the precedence 依次 follows (二连浩特 八 其他副市长依次
-- 主持工作). Written by the roster import; a post without one comes after those with one.
create table post_ranks (
  post_id uuid primary key references posts (id),
  rank integer not null
);
