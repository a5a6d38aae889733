import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InvalidInputError } from '../errors.ts'
import { parseSecrecyPeriod, type SecrecyLevel, secrecyMarkOf } from './secrecy.ts'

// 保密期限 (issue 13 part 7): only state secrets (秘密, 机密) carry one, as N年, N个月 or 长期,
// within the law's ceiling for the level (保密法第十五条: 秘密 ≤ 10年, 机密 ≤ 20年).

const codeOf = (level: SecrecyLevel, value: string) => {
  try {
    parseSecrecyPeriod(level, value)
    return 'accepted'
  } catch (error) {
    assert.ok(error instanceof InvalidInputError, String(error))
    assert.match(error.message, /[\u4e00-\u9fff]/, 'a Chinese message')
    return error.code
  }
}

describe('保密期限', () => {
  it('is optional at every level', () => {
    for (const level of ['public', 'internal', 'secret', 'confidential'] as const) {
      assert.equal(parseSecrecyPeriod(level, undefined), null)
      assert.equal(parseSecrecyPeriod(level, '   '), null)
    }
  })

  const cases: [SecrecyLevel, string, string][] = [
    ['secret', '10年', 'accepted'],
    ['secret', '1年', 'accepted'],
    ['secret', '6个月', 'accepted'],
    ['secret', '120个月', 'accepted'],
    ['secret', '长期', 'accepted'],
    ['secret', '11年', 'SECRECY_PERIOD_TOO_LONG'],
    ['secret', '121个月', 'SECRECY_PERIOD_TOO_LONG'],
    ['confidential', '20年', 'accepted'],
    ['confidential', '21年', 'SECRECY_PERIOD_TOO_LONG'],
    ['confidential', '240个月', 'accepted'],
    ['internal', '1年', 'SECRECY_PERIOD_NOT_CLASSIFIED'],
    ['public', '1年', 'SECRECY_PERIOD_NOT_CLASSIFIED'],
    ['secret', '0年', 'SECRECY_PERIOD_INVALID'],
    ['secret', '十年', 'SECRECY_PERIOD_INVALID'],
    ['secret', '10', 'SECRECY_PERIOD_INVALID'],
    ['secret', '10天', 'SECRECY_PERIOD_INVALID'],
    ['secret', '-1年', 'SECRECY_PERIOD_INVALID'],
    ['secret', '永久', 'SECRECY_PERIOD_INVALID'],
    ['confidential', '2027年1月1日', 'SECRECY_PERIOD_INVALID'],
  ]
  for (const [level, value, expected] of cases)
    it(`${level} “${value}” → ${expected}`, () => assert.equal(codeOf(level, value), expected))

  it('is kept as typed, spaces dropped', () => {
    assert.equal(parseSecrecyPeriod('secret', ' 10 年 '), '10年')
  })

  it('is marked with its level as GB/T 9704 does: 秘密★10年; 内部 and 公开 by name', () => {
    assert.equal(secrecyMarkOf('secret', '10年'), '秘密★10年')
    assert.equal(secrecyMarkOf('confidential', '长期'), '机密★长期')
    assert.equal(secrecyMarkOf('confidential', null), '机密')
    assert.equal(secrecyMarkOf('internal', null), '内部')
    assert.equal(secrecyMarkOf('public', null), '公开')
  })
})
