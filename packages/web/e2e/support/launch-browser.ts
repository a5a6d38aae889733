import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium (apt-get install chromium); ZHENGLING_CHROMIUM names another binary. */
const EXECUTABLE = process.env.ZHENGLING_CHROMIUM ?? '/usr/bin/chromium'

/** Screenshots of each main page, kept as test artifacts. */
export const SCREENSHOT_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'test-results',
  'screenshots',
)

/**
 * Headless Chromium with its background networking off: this machine's network is closed, and
 * Chromium's update and sync requests would otherwise fail at every start.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(EXECUTABLE))
    throw new Error(
      `找不到 Chromium：${EXECUTABLE}。浏览器测试需要 Debian 的 chromium（apt-get install chromium），或用 ZHENGLING_CHROMIUM 指定。`,
    )
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** The whole page, or with `fullPage: false` the screen as shown (a phone's fixed bars in place). */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage })
}
