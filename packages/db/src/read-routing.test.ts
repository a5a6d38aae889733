import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isPlainRead, parseLsn } from './read-routing.ts'

// What may go to a hot standby (ADR 0029): only statements that read without locks. The routing
// itself is tested on a real primary and standby in packages/http/src/replicas.test.ts.
describe('read routing', () => {
  const reads = [
    'select * from documents where id = $1',
    '  SELECT count(*) from tasks',
    '(select 1) union (select 2)',
    '/* register */ select id from documents',
    '-- inbox\nselect id from tasks',
    'with open as (select * from tasks) select * from open',
    "select ts_rank(search, q) from documents, to_tsquery('simple', $1) q",
    'select updated_at from documents',
    'select insert_date from t',
  ]
  for (const text of reads)
    it(`sends to the standby: ${text.replace(/\s+/g, ' ').trim()}`, () =>
      assert.equal(isPlainRead(text), true))

  const others = [
    'insert into documents (id) values ($1)',
    'update tasks set closed_at = now()',
    'delete from sessions where id = $1',
    'begin',
    'savepoint job_handler',
    'select * from documents where id = $1 for update',
    'select * from jobs for update skip locked',
    'select * from documents for no key update',
    'select * from organisation for share',
    'select * from organisation for key share',
    'with moved as (update tasks set x = 1 returning *) select * from moved',
    'with gone as (delete from sessions returning *) select count(*) from gone',
    'with added as (insert into t values (1) returning *) select * from added',
    "select nextval('receipt_serial')",
    'select pg_advisory_xact_lock(1)',
    'select pg_try_advisory_lock(1)',
    "select set_config('x', 'y', false)",
    'select pg_current_wal_insert_lsn()',
    'select pg_current_xact_id()',
    "select pg_notify('c', 'x')",
    'create table t (id int)',
    'set statement_timeout = 0',
    '',
  ]
  for (const text of others)
    it(`keeps on the primary: ${text || '(empty)'}`, () => assert.equal(isPlainRead(text), false))

  it('reads WAL positions as numbers that order as the WAL does', () => {
    assert.equal(parseLsn('0/0'), 0n)
    assert.equal(parseLsn('16/B374D848'), 0x16b374d848n)
    assert.ok(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!)
    assert.ok(parseLsn('0/A0')! > parseLsn('0/9F')!)
    for (const bad of [undefined, null, '', '16', '16/', '/1', 'x/1', '1/2/3', '123456789/0'])
      assert.equal(parseLsn(bad), undefined, String(bad))
  })
})
