-- 核实 of a 迟报漏报 register line (issue 16): the duty office confirms a line (it stays a 迟报/漏报)
-- or excuses it (不予通报: reported by phone outside the system, a communications outage…) with a
-- reason. The line itself (kind, due, report time, minutes) is never rewritten; the audit log keeps
-- every review. An excused line is never circulated.
alter table late_report_entries
  add column if not exists review text check (review in ('confirmed', 'excused')),
  add column if not exists review_reason text,
  add column if not exists reviewed_by_person_id uuid references people (id),
  add column if not exists reviewed_by_post_id uuid references posts (id),
  add column if not exists reviewed_at timestamptz;
alter table late_report_entries drop constraint if exists late_report_entries_review_complete;
alter table late_report_entries add constraint late_report_entries_review_complete check (
  (review is null and review_reason is null and reviewed_by_person_id is null and reviewed_at is null)
  or (review is not null and length(review_reason) between 1 and 500
      and reviewed_by_person_id is not null and reviewed_at is not null)
);
