-- Each person's clearance (涉密等级): the highest secrecy level they may read. Set by the security
-- admin; 'internal' (内部/工作秘密) for every civil servant until raised. 绝密 is never stored, so
-- no clearance names it.
alter table people add column clearance text not null default 'internal'
  check (clearance in ('public', 'internal', 'secret', 'confidential'));
