import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { secrecyPeriodProblem } from './secrecy-period.ts'

// The form's 保密期限 check, case for case the server's (packages/app/src/access/secrecy-period.test.ts).
const CASES: [string | undefined, string | undefined, boolean][] = [
  ['秘密', undefined, true],
  ['内部', '', true],
  ['秘密', '10年', true],
  ['秘密', ' 6 个月 ', true],
  ['秘密', '长期', true],
  ['机密', '20年', true],
  ['秘密', '11年', false],
  ['秘密', '121个月', false],
  ['机密', '21年', false],
  ['内部', '1年', false],
  ['公开', '6个月', false],
  [undefined, '1年', false],
  ['秘密', '十年', false],
  ['秘密', '0年', false],
  ['秘密', '10', false],
]

describe('保密期限 in the form', () => {
  for (const [secrecy, value, ok] of CASES)
    it(`${secrecy ?? '（未选密级）'} “${value ?? ''}” → ${ok ? 'accepted' : 'refused'}`, () => {
      const problem = secrecyPeriodProblem(secrecy, value)
      assert.equal(problem === undefined, ok, problem)
      if (problem) assert.match(problem, /[\u4e00-\u9fff]/)
    })
})
