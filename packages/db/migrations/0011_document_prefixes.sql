-- Numbering prefixes (机关代字: 托政发, 托政办函…) a jurisdiction keeps as organisation data.
-- A rulebook names prefixes only where an article does (钟山 第三十二条); elsewhere they are
-- the government's own settings, imported with its roster.
create table document_prefixes (
  jurisdiction_id text not null references jurisdictions (id),
  prefix text not null check (length(prefix) between 1 and 16),
  issuer text not null check (issuer in ('government', 'office', 'partyGroup', 'officePartyGroup')),
  label text not null,
  primary key (jurisdiction_id, prefix)
);
