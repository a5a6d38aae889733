import { DEMO_PASSWORD } from '@zhengling/db'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { keepSessionCookie } from './session-cookie.ts'

/**
 * A fresh browser context (its own cookies) signed in through the login page. `serverClock`
 * says the server runs on a clock of its own (startDemoServer's `now`): see keepSessionCookie.
 * `device` sets the screen and input (support/phone.ts: PHONE).
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
  options: { serverClock?: boolean; device?: BrowserContextOptions } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options.device,
  })
  if (options.serverClock) await keepSessionCookie(context)
  const page = await context.newPage()
  await slowDown(page)
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  return page
}

/**
 * ZHENGLING_E2E_CPU_SLOWDOWN=4 runs each page's scripts four times slower (Chromium's CPU
 * throttling), to show that a walk waits on what the page states rather than on its pace.
 */
async function slowDown(page: Page): Promise<void> {
  const rate = Number(process.env.ZHENGLING_E2E_CPU_SLOWDOWN ?? 1)
  if (!(rate > 1)) return
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}
