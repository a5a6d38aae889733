import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InvalidInputError } from '../errors.ts'
import { checkedText } from '../documents/opinion-text.ts'
import { checkedPhrases, DEFAULT_INSTRUCTION_PHRASES } from './instruction-phrases.ts'

const refusal = (run: () => unknown): InvalidInputError => {
  try {
    run()
  } catch (error) {
    assert.ok(error instanceof InvalidInputError)
    return error
  }
  assert.fail('not refused')
}

describe('常用批示语 and short opinions are checked', () => {
  it('keeps the defaults and trimmed phrases as given, in order', () => {
    assert.deepEqual(checkedPhrases(DEFAULT_INSTRUCTION_PHRASES), DEFAULT_INSTRUCTION_PHRASES)
    assert.deepEqual(checkedPhrases([' 阅。 ', '同意。']), ['阅。', '同意。'])
    assert.deepEqual(checkedPhrases([]), [])
  })

  it('refuses every control and bidirectional character, each with a code and Chinese', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, code) => code),
      ...Array.from({ length: 0x21 }, (_, offset) => 0x7f + offset),
      0x200e,
      0x200f,
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
    ]
    for (const code of controls) {
      const phrase = `同意${String.fromCodePoint(code)}办理`
      const error = refusal(() => checkedPhrases([phrase]))
      assert.equal(error.code, 'PHRASE_INVALID_CHARACTERS', `U+${code.toString(16)}`)
      assert.match(error.message, /第 1 条常用批示语含有控制字符/)
    }
  })

  it('lets an opinion span lines, but not a phrase', () => {
    const opinion = { label: '签发意见', code: 'OPINION', max: 500, multiline: true }
    assert.equal(checkedText('同意。\n请尽快印发。', opinion), '同意。\n请尽快印发。')
    assert.equal(checkedText('   ', opinion), undefined)
    assert.equal(
      refusal(() => checkedText('同意\u202E印发', opinion)).code,
      'OPINION_INVALID_CHARACTERS',
    )
    const tooLong = refusal(() => checkedText('同'.repeat(501), opinion))
    assert.equal(tooLong.code, 'OPINION_TOO_LONG')
    assert.match(tooLong.message, /签发意见不能超过 500 字（现为 501 字）/)
    // Length counts characters, not UTF-16 units: 500 characters outside the BMP pass.
    assert.equal(checkedText('𠀀'.repeat(500), opinion)?.length, 1000)
  })

  it('refuses empty, too long, duplicated and too many phrases', () => {
    assert.equal(refusal(() => checkedPhrases(['同意。', ' '])).code, 'PHRASE_EMPTY')
    assert.equal(refusal(() => checkedPhrases(['批'.repeat(101)])).code, 'PHRASE_TOO_LONG')
    assert.deepEqual(checkedPhrases(['批'.repeat(100)]), ['批'.repeat(100)])
    assert.equal(refusal(() => checkedPhrases(['阅。', ' 阅。'])).code, 'PHRASE_DUPLICATE')
    const many = Array.from({ length: 31 }, (_, i) => `常用语${i}`)
    assert.equal(refusal(() => checkedPhrases(many)).code, 'PHRASES_TOO_MANY')
    assert.equal(checkedPhrases(many.slice(0, 30)).length, 30)
  })
})
