-- Durable timers: deadlines and reminders that survive restarts and fire once across replicas.

create table jobs (
  id bigserial primary key,
  jurisdiction_id text references jurisdictions (id),
  kind text not null,
  payload jsonb not null default '{}',
  run_at timestamptz not null,
  -- Scheduling the same reminder twice (a retried command) keeps one job.
  dedupe_key text unique,
  state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
  attempts int not null default 0,
  max_attempts int not null default 5 check (max_attempts > 0),
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due on jobs (run_at) where state = 'pending';
