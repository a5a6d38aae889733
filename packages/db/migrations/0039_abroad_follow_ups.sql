-- 因公出国(境) follow-ups (issue 15): after an 出访 absence is closed by 销假, the duties the
-- rulebook sets from the return (二连浩特 六十一: 公务护照 7日内上缴, 1个月内报送出访总结). Their due
-- dates are the rulebook's answer from the return day, never stored; only each one's completion is.
-- Numbered after 0036_absences, whose rows it follows, and 0038_event_requests.

create table abroad_follow_up_completions (
  absence_id uuid not null references absences (id),
  rule_id text not null,                           -- the deadline rule fulfilled
  jurisdiction_id text not null references jurisdictions (id),
  done_on date not null,
  recorded_by_person_id uuid not null references people (id),
  recorded_by_post_id uuid not null references posts (id),
  recorded_at timestamptz not null,
  primary key (absence_id, rule_id)
);
