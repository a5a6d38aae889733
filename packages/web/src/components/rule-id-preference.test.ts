import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createRuleIdPreference, RULE_ID_KEY } from './rule-id-preference.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('显示规则编号', () => {
  it('is off by default, remembered once switched, and tells the pages', () => {
    const storage = memoryStorage()
    const preference = createRuleIdPreference(storage)
    assert.equal(preference.get(), false)
    let told = 0
    const stop = preference.subscribe(() => (told += 1))
    preference.set(true)
    assert.equal(preference.get(), true)
    assert.equal(told, 1)
    assert.equal(createRuleIdPreference(storage).get(), true, 'a new page reads it back')
    preference.set(false)
    assert.equal(storage.items.get(RULE_ID_KEY), 'off')
    assert.equal(createRuleIdPreference(storage).get(), false)
    stop()
    preference.set(true)
    assert.equal(told, 2)
  })

  it('without storage, or with one that throws, it is off and still switches for the page', () => {
    assert.equal(createRuleIdPreference(null).get(), false)
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    const preference = createRuleIdPreference(broken)
    assert.equal(preference.get(), false)
    preference.set(true)
    assert.equal(preference.get(), true)
  })
})
