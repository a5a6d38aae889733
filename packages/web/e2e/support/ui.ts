import type { Locator, Page } from 'playwright-core'

/** An open option of an Ant Design select. */
export function option(page: Page, text: string): Locator {
  return page.locator('.ant-select-item-option', { hasText: text })
}

/** Picks one option of the select labelled `label`. */
export async function choose(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click()
  await settled(page)
  await option(page, text).click()
}

/** Picks options in a multiple select, in order, and checks each was taken before going on. */
export async function chooseMany(page: Page, label: string, texts: string[]): Promise<void> {
  await page.getByLabel(label).click()
  for (const text of texts) {
    await settled(page)
    await option(page, text).click()
    await page.locator('.ant-select-selection-item', { hasText: text }).waitFor()
  }
  await page.keyboard.press('Escape')
}

/**
 * Checks groups or units in the recipients tree of 主送 or 抄送 (拟稿), by their label, and leaves
 * it. A group's node reads "label（N个单位）"; its tag, the label as written.
 */
export async function checkRecipients(
  page: Page,
  role: '主送' | '抄送',
  names: string[],
): Promise<void> {
  const tree = page.getByLabel(`${role}本辖区单位`)
  await tree.click()
  for (const name of names) {
    await settled(page)
    await page
      .locator('.ant-select-tree-treenode:visible', { hasText: name })
      .first()
      .locator('.ant-select-tree-checkbox')
      .click()
    await page.locator('.ant-select-selection-item', { hasText: name }).first().waitFor()
  }
  await tree.blur()
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

/**
 * Picks options of the select `field`, in order, and leaves it. antd keeps closed dropdowns in the
 * DOM, so only a shown option is clicked; `search` types each text first, for selects that filter
 * a list too long to show at once. The select is left by blurring it: Tab would also pick the
 * option under the pointer (toggling it off again in a multiple select), and Escape would close
 * a dialog around it.
 */
export async function pick(
  page: Page,
  field: Locator,
  texts: string[],
  options: { search?: boolean } = {},
): Promise<void> {
  // The select itself, whose shown values are checked after each pick.
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]',
  )
  await field.click()
  for (const text of texts) {
    if (options.search) {
      // Typing re-renders the list; a click whose press and release land on two renderings of
      // the option is no click, and the pick is lost. So wait until the filter has made the
      // option the active one, and take it with the keyboard.
      await field.fill(text)
      await page.locator('.ant-select-item-option-active:visible', { hasText: text }).waitFor()
      await field.press('Enter')
    } else {
      await settled(page)
      await page.locator('.ant-select-item-option:visible', { hasText: text }).click()
    }
    await select.filter({ hasText: text }).waitFor()
  }
  await field.blur()
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' })
}

/**
 * Waits until no dialog or dropdown is still playing its opening motion: a click aimed while it
 * zooms or slides in can land beside its target once the frame moves, and be lost.
 */
export async function settled(page: Page): Promise<void> {
  await page
    .locator(
      '.ant-zoom-appear, .ant-zoom-enter, .ant-slide-up-appear, .ant-slide-up-enter, .ant-slide-down-appear, .ant-slide-down-enter',
    )
    .first()
    .waitFor({ state: 'detached' })
}

/** A card of a page named as a region (议题, 参会人员, 会议决定, 会议纪要…). */
export function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true })
}

/** A refusal shown on a form: the server's message and the articles it rests on. */
export function refusal(scope: Page | Locator, text = ''): Locator {
  return scope.locator('.ant-alert-error').filter({ hasText: text })
}

/** An item's row in a meeting's agenda table. */
export function agendaRow(page: Page, title: string): Locator {
  return region(page, '议题').getByRole('row').filter({ hasText: title })
}

/** A post's row in a meeting's 参会人员 table, by its title. */
export function participantRow(page: Page, title: string): Locator {
  return region(page, '参会人员')
    .getByRole('row')
    .filter({ hasText: new RegExp(`^${title}`) })
}

/**
 * 报送议题 from a meeting's agenda card: ticks the item's 议题情形 and the steps done (with their
 * notes), names the units concerned, submits, and answers the dialog open on the verdict.
 */
export async function submitAgendaItem(
  page: Page,
  item: {
    title: string
    summary: string
    characteristics?: string[]
    steps?: [step: string, note?: string][]
    involved?: string[]
  },
): Promise<Locator> {
  await region(page, '议题').getByRole('button', { name: '报送议题' }).click()
  const dialog = page.getByRole('dialog', { name: '报送议题' })
  await settled(page)
  await dialog.getByLabel('议题名称').fill(item.title)
  await dialog.getByLabel('议题说明').fill(item.summary)
  for (const characteristic of item.characteristics ?? [])
    await dialog.getByLabel(characteristic, { exact: true }).check()
  for (const [step, note] of item.steps ?? []) {
    await dialog.getByLabel(step, { exact: true }).check()
    if (note) await dialog.getByLabel(`${step}说明`).fill(note)
  }
  if (item.involved)
    await pick(page, dialog.getByLabel('涉及单位'), item.involved, { search: true })
  await dialog.getByRole('button', { name: '报送', exact: true }).click()
  await dialog.getByText(`已报送：${item.title}`).waitFor()
  return dialog
}

/** 登记程序 from an item's row: the missing step's button, a note, 确认登记. */
export async function recordAgendaStep(
  page: Page,
  title: string,
  step: string,
  note: string,
): Promise<void> {
  await agendaRow(page, title)
    .getByRole('button', { name: `登记程序：${step}` })
    .click()
  const dialog = page.getByRole('dialog', { name: '登记程序' })
  await settled(page)
  await dialog.getByLabel('登记说明').fill(note)
  await dialog.getByRole('button', { name: '确认登记' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await agendaRow(page, title).getByRole('list', { name: '已完成程序' }).getByText(step).waitFor()
}

/**
 * 签发 and 归档 ask to be confirmed: the form's button, then the same word in its popover (the
 * server's refusal, if any, shows under the form as before).
 */
export async function confirmAct(page: Page, name: '签发' | '归档'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click()
  const popover = page.getByRole('tooltip').filter({ hasText: `确认${name}` })
  await popover.waitFor()
  await settled(page)
  await popover.getByRole('button', { name, exact: true }).click()
}
