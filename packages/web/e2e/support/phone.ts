import type { BrowserContextOptions, Locator, Page } from 'playwright-core'

/** A phone held upright: 390×844 CSS pixels, touch, the mobile viewport meta honoured. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
}

/** How far the page is wider than the screen, in CSS pixels (0: no sideways scrolling). */
export async function overflowOf(page: Page): Promise<number> {
  // A string expression: the e2e files typecheck without the DOM library.
  return Number(
    await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  )
}

/** Opens the menu drawer from the header's button and answers the drawer's navigation. */
export async function openMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '打开菜单' }).tap()
  // The drawer slides in; a tap aimed while it moves may land beside its target.
  await page
    .locator('.ant-drawer-panel-motion-left-appear, .ant-drawer-panel-motion-left-enter')
    .first()
    .waitFor({ state: 'detached' })
  const menu = page.getByRole('dialog').getByRole('menu', { name: '主导航' })
  await menu.waitFor()
  return menu
}

/** Taps a page's entry in the menu drawer; the drawer closes on the way. */
export async function goByMenu(page: Page, path: string): Promise<void> {
  const menu = await openMenu(page)
  await menu.locator(`a[href="${path}"]`).tap()
  await page.waitForURL((url) => url.pathname === path)
  await menu.waitFor({ state: 'hidden' })
}
