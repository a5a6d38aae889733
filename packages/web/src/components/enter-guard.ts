/** What a key press landed on, as far as the guard needs to know. */
export interface EnterTarget {
  tagName: string
  type?: string | null
  isComposing?: boolean
}

/**
 * Whether Enter on this element may go on to the browser's implicit submission. Only a button
 * submits (and a multi-line text keeps its line break); Enter in a text field, a picker or a
 * select confirms that field and nothing more — a half-filled form is never sent because someone
 * confirmed a date.
 */
export function enterMaySubmit(target: EnterTarget): boolean {
  if (target.isComposing) return true // the input method's own Enter: the browser never submits on it
  const tag = target.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'BUTTON') return true
  if (tag !== 'INPUT') return true
  const type = (target.type ?? 'text').toLowerCase()
  return type === 'submit' || type === 'button' || type === 'reset' || type === 'image'
}
