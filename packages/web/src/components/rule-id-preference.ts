/**
 * Whether rule ids (national.document.kinds, muli.meeting.office-services) are shown beside the
 * articles. They are for whoever looks a rule up in the rulebook; everyone reads the article. The
 * session names no legal-office role, so the choice is each browser's: off until switched on,
 * then remembered (localStorage).
 */
export const RULE_ID_KEY = 'zhengling.showRuleIds'

export interface PreferenceStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export interface RuleIdPreference {
  get(): boolean
  set(on: boolean): void
  subscribe(listener: () => void): () => void
}

/** The preference over a storage (none, or one that throws: off, and kept for the page only). */
export function createRuleIdPreference(storage: PreferenceStorage | null): RuleIdPreference {
  let value = false
  try {
    value = storage?.getItem(RULE_ID_KEY) === 'on'
  } catch {
    value = false
  }
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(on) {
      value = on
      try {
        storage?.setItem(RULE_ID_KEY, on ? 'on' : 'off')
      } catch {
        // Private browsing without storage: the choice lasts for this page.
      }
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
