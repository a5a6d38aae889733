import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatDocumentNumber, parseDocumentNumber } from './document-number.ts'

describe('发文字号', () => {
  it('writes the full year in 六角括号 and the serial without padding', () => {
    assert.equal(formatDocumentNumber('钟府发', 2026, 12), '钟府发〔2026〕12号')
    assert.equal(formatDocumentNumber('钟府办函', 2026, 1), '钟府办函〔2026〕1号')
    assert.throws(() => formatDocumentNumber('钟府发', 26, 1), /四位/)
    assert.throws(() => formatDocumentNumber('钟府发', 2026, 0), /正整数/)
  })

  it('reads back only numbers written per the standard', () => {
    assert.deepEqual(parseDocumentNumber('钟府发〔2026〕12号'), {
      prefix: '钟府发',
      year: 2026,
      serial: 12,
    })
    for (const wrong of [
      '钟府发[2026]12号',
      '钟府发〔26〕12号',
      '钟府发〔2026〕012号',
      '钟府发〔2026〕12',
    ])
      assert.equal(parseDocumentNumber(wrong), undefined, wrong)
  })
})
