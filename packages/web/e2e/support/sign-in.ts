import { DEMO_PASSWORD } from '@zhengling/db'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { apiSignIn } from './api-sign-in.ts'
import { keepSessionCookie } from './session-cookie.ts'

export interface SignInOptions {
  /** The server runs on a clock of its own (startDemoServer's `now`): see keepSessionCookie. */
  serverClock?: boolean
  /** The screen and input (support/phone.ts: PHONE). */
  device?: BrowserContextOptions
  /** Through the login page, for walks about signing in itself. */
  form?: boolean
  /** Where the signed-in browser opens (default: the 工作台 at /). */
  landing?: string
  /** The browser's clock, fixed before the first page opens (a story's day). */
  clock?: Date
}

/**
 * A fresh browser context (its own cookies) signed in as a demo account. By default the session
 * is opened straight at the API and its cookie handed to the browser, which then opens `landing`:
 * the login page is walked by the tests about it (`form`, or any password but the demo one), and
 * the others save two page loads per sign-in (ADR 0016's thin-browser rule).
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
  options: SignInOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options.device,
  })
  if (options.form || password !== DEMO_PASSWORD) {
    if (options.serverClock) await keepSessionCookie(context)
    const page = await context.newPage()
    await slowDown(page)
    await page.goto(`${baseUrl}/login`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    return page
  }
  // Past the second step for the administrators (the test authenticator's codes, ADR 0022).
  const answer = await apiSignIn(baseUrl, username, password)
  if (answer.status !== 200)
    throw new Error(`sign-in of ${username}: ${answer.status} ${answer.text}`)
  // Kept as a browser-session cookie (no Expires): a server on a story's clock in the past would
  // otherwise hand the browser a cookie that is already expired.
  await context.addCookies(
    answer.setCookies.map((header) => {
      const [pair = ''] = header.split(';')
      const at = pair.indexOf('=')
      return {
        name: pair.slice(0, at).trim(),
        value: pair.slice(at + 1).trim(),
        domain: new URL(baseUrl).hostname,
        path: /;\s*path=([^;]+)/i.exec(header)?.[1]?.trim() ?? '/',
        httpOnly: /;\s*httponly/i.test(header),
        secure: /;\s*secure/i.test(header),
        sameSite: sameSiteOf(header),
      }
    }),
  )
  if (options.clock) await context.clock.setFixedTime(options.clock)
  const page = await context.newPage()
  await slowDown(page)
  await page.goto(`${baseUrl}${options.landing ?? '/'}`)
  return page
}

/**
 * The sign-in of a story told on a clock of its own (startDemoServer's `now`): each step signs in
 * afresh (sessions idle out as the clock moves) with the browser on the story's day, and opens
 * `landing`, or the 工作台. Getters, as the browser and server start in the test's `before`.
 */
export function storySignIn(story: {
  browser: () => Browser
  url: () => string
  clock: () => Date
}): (username: string, landing?: string) => Promise<Page> {
  return async (username, landing) => {
    const page = await signIn(story.browser(), story.url(), username, undefined, {
      serverClock: true,
      clock: story.clock(),
      landing,
    })
    if (!landing) await page.getByRole('heading', { name: '工作台' }).waitFor()
    return page
  }
}

function sameSiteOf(header: string): 'Strict' | 'Lax' | 'None' {
  const value = /;\s*samesite=(\w+)/i.exec(header)?.[1]?.toLowerCase()
  return value === 'none' ? 'None' : value === 'lax' ? 'Lax' : 'Strict'
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
