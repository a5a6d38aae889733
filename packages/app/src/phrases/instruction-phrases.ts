import { InvalidInputError } from '../errors.ts'
import { checkedText } from '../documents/opinion-text.ts'

/**
 * What a person is offered before keeping a list of their own: the phrases an office writes
 * most (批示, 拟办, 签发, 核稿). "某某" is left for the writer to replace with a name.
 */
export const DEFAULT_INSTRUCTION_PHRASES: readonly string[] = [
  '同意。',
  '阅。',
  '请某某阅处。',
  '请某某牵头办理，及时报告结果。',
  '拟请某某阅示。',
  '同意印发。',
]

export const PHRASE_MAX_LENGTH = 100
export const PHRASES_MAX_COUNT = 30

/** A list as a person saves it: each phrase checked, none twice, not too many. */
export function checkedPhrases(phrases: readonly string[]): string[] {
  if (phrases.length > PHRASES_MAX_COUNT)
    throw new InvalidInputError(
      'PHRASES_TOO_MANY',
      `常用批示语最多保存 ${PHRASES_MAX_COUNT} 条（现为 ${phrases.length} 条）`,
    )
  const checked = phrases.map((phrase, index) => {
    const text = checkedText(phrase, {
      label: `第 ${index + 1} 条常用批示语`,
      code: 'PHRASE',
      max: PHRASE_MAX_LENGTH,
      path: `/phrases/${index}`,
    })
    if (!text)
      throw new InvalidInputError(
        'PHRASE_EMPTY',
        `第 ${index + 1} 条常用批示语为空，请填写或删除`,
        [{ path: `/phrases/${index}`, message: '不能为空' }],
      )
    return text
  })
  const seen = new Set<string>()
  for (const text of checked) {
    if (seen.has(text))
      throw new InvalidInputError('PHRASE_DUPLICATE', `常用批示语“${text}”重复，请只保留一条`)
    seen.add(text)
  }
  return checked
}
