import { InvalidInputError } from '../errors.ts'

// C0 and C1 control characters (newline and tab allowed only where a text may span lines) and
// the bidirectional controls that reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/
const LINE_BREAKS = /[\t\n]/

/**
 * Checks a short free text a person writes on a document (签发意见, 归档意见, a 常用批示语):
 * trimmed, at most `max` characters, no control or bidirectional characters (and no line breaks
 * unless `multiline`). Returns the trimmed text, or undefined when empty; refuses in Chinese with
 * `<PREFIX>_TOO_LONG` or `<PREFIX>_INVALID_CHARACTERS`, naming the field.
 */
export function checkedText(
  text: string | undefined,
  field: { label: string; code: string; max: number; multiline?: boolean; path?: string },
): string | undefined {
  const trimmed = text?.trim() ?? ''
  if (!trimmed) return undefined
  const path = field.path ?? '/opinion'
  const length = [...trimmed].length
  if (length > field.max)
    throw new InvalidInputError(
      `${field.code}_TOO_LONG`,
      `${field.label}不能超过 ${field.max} 字（现为 ${length} 字）`,
      [{ path, message: `不超过 ${field.max} 字` }],
    )
  if (CONTROLS.test(trimmed) || (!field.multiline && LINE_BREAKS.test(trimmed)))
    throw new InvalidInputError(
      `${field.code}_INVALID_CHARACTERS`,
      `${field.label}含有控制字符或文字方向控制符，请删除后重试`,
      [{ path, message: '含有不可见的控制字符' }],
    )
  return trimmed
}

/** 签发意见 and 归档意见: optional, up to this many characters. */
export const ACT_OPINION_MAX = 500
