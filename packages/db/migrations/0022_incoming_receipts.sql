-- 来文 as the office receives it (issue 12 part 3). The 收文编号 given at 签收登记, gapless per
-- jurisdiction and year; what the 秘书股 records of a document received from outside the
-- government (上级机关, other organs, paper): its 来文单位 as written, 份数 and 收文日期; and the
-- jurisdiction's own format for the number (a setting imported with its roster, like its
-- 机关代字: no county's format is in code).
alter table documents add column receipt_number text;
alter table documents add column external_sender text
  check (external_sender is null or length(external_sender) between 1 and 100);
alter table documents add column copies integer check (copies is null or copies > 0);
alter table documents add column received_on date;
create unique index documents_receipt_number on documents (jurisdiction_id, receipt_number)
  where receipt_number is not null;
create index documents_external_sender on documents (jurisdiction_id, external_sender)
  where external_sender is not null;

-- One gapless 收文编号 sequence per jurisdiction per year: the row lock serialises concurrent
-- registrations, and a rolled-back registration rolls its number back too.
create table receipt_number_sequences (
  jurisdiction_id text not null references jurisdictions (id),
  year integer not null,
  last_number integer not null check (last_number >= 0),
  primary key (jurisdiction_id, year)
);

-- The jurisdiction's format of the 收文编号: {year} and {serial} stand for the year and number.
create table receipt_number_formats (
  jurisdiction_id text primary key references jurisdictions (id),
  template text not null check (
    length(template) between 1 and 40
    and position('{year}' in template) > 0
    and position('{serial}' in template) > 0
  )
);
