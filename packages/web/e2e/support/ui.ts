import type { Locator, Page } from 'playwright-core'

/** An open option of an Ant Design select. */
export function option(page: Page, text: string): Locator {
  return page.locator('.ant-select-item-option', { hasText: text })
}

/** Picks one option of the select labelled `label`. */
export async function choose(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click()
  await option(page, text).click()
}

/** Picks options in a multiple select, in order, and checks each was taken before going on. */
export async function chooseMany(page: Page, label: string, texts: string[]): Promise<void> {
  await page.getByLabel(label).click()
  for (const text of texts) {
    await option(page, text).click()
    await page.locator('.ant-select-selection-item', { hasText: text }).waitFor()
  }
  await page.keyboard.press('Escape')
}

/** Types names into a tags field, one at a time. */
export async function addTags(page: Page, label: string, names: string[]): Promise<void> {
  for (const name of names) {
    await page.getByLabel(label).fill(name)
    await page.getByLabel(label).press('Enter')
    await page.locator('.ant-select-selection-item', { hasText: name }).waitFor()
  }
}

/** The state tag under a document's title. */
export function documentState(page: Page, label: string): Locator {
  return page.locator('.ant-tag', { hasText: label })
}

/** A row of a descriptions card (公文信息). */
export function field(page: Page, label: string): Locator {
  return page.locator('.ant-descriptions-item', { hasText: label })
}
