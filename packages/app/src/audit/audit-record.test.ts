import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type AuditEntry, auditRecordHash, canonicalJson, GENESIS_HASH } from './audit-record.ts'
import { sha256Hasher, sm3Hasher } from './hasher.ts'

const entry: AuditEntry = {
  jurisdictionId: 'zhongshan',
  occurredAt: '2026-03-02T09:00:00+08:00',
  actorPersonId: null,
  actorPostId: null,
  action: 'document.register',
  subject: 'doc-1',
  beforeDigest: null,
  afterDigest: 'x',
  ruleIds: [],
  details: { b: 1, a: { d: 2, c: 3 } },
}

describe('audit hashing', () => {
  it('canonical JSON sorts keys at every level', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: 3 } }),
      '{"a":{"c":3,"d":[2,{"y":0,"z":1}]},"b":1}',
    )
  })

  it('SM3 matches the standard test vector', () => {
    assert.equal(
      sm3Hasher.hash('abc'),
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    )
  })

  it('the same instant in another zone, or keys in another order, hash alike', () => {
    const same = {
      ...entry,
      occurredAt: '2026-03-02T01:00:00Z',
      details: { a: { c: 3, d: 2 }, b: 1 },
    }
    assert.equal(
      auditRecordHash(entry, 1, GENESIS_HASH, sm3Hasher),
      auditRecordHash(same, 1, GENESIS_HASH, sm3Hasher),
    )
  })

  it('position, predecessor, algorithm and content all change the hash', () => {
    const base = auditRecordHash(entry, 1, GENESIS_HASH, sm3Hasher)
    assert.notEqual(auditRecordHash(entry, 2, GENESIS_HASH, sm3Hasher), base)
    assert.notEqual(auditRecordHash(entry, 1, 'f'.repeat(64), sm3Hasher), base)
    assert.notEqual(auditRecordHash(entry, 1, GENESIS_HASH, sha256Hasher), base)
    assert.notEqual(
      auditRecordHash({ ...entry, action: 'document.delete' }, 1, GENESIS_HASH, sm3Hasher),
      base,
    )
  })
})
