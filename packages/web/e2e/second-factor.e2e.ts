import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DEMO_PASSWORD } from '@zhengling/db'
import { nextTestCode } from '@zhengling/http/test-authenticator'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { PHONE } from './support/phone.ts'
import { startDemoServer } from './support/start-demo-server.ts'

// Issue 13: TOTP sign-in for the administrators walks in the browser. The security admin's first
// sign-in enrols an authenticator (QR, secret, a code, ten recovery codes), the next one asks for
// a code. Codes come from the test authenticator (the same RFC 6238 computation as a phone's).
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser

before(async () => {
  server = await startDemoServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function passwordStep(username: string, device = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...device,
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  return page
}

describe('two-step sign-in', () => {
  it('the security admin enrols at the first sign-in, then signs in with a code', async () => {
    const page = await passwordStep('securityAdmin')
    await page.getByRole('heading', { name: '设置两步验证' }).waitFor()
    await page.getByRole('img', { name: '两步验证二维码' }).waitFor()
    await screenshot(page, 'second-factor-enrol')
    await page.getByLabel('验证码').fill('000000')
    await page.getByRole('button', { name: '确认启用' }).click()
    await page.getByRole('alert').filter({ hasText: '验证码不正确' }).waitFor()
    await page.getByLabel('验证码').fill(nextTestCode('securityAdmin'))
    await page.getByRole('button', { name: '确认启用' }).click()
    const codes = page.getByLabel('恢复码').locator('code')
    await codes.first().waitFor()
    assert.equal(await codes.count(), 10)
    await screenshot(page, 'second-factor-recovery-codes')
    await page.getByRole('button', { name: '进入系统' }).click()
    await page.getByRole('heading', { name: '工作台' }).waitFor()
    await page.context().close()

    // The next sign-in asks for the code; on a phone too.
    const phone = await passwordStep('securityAdmin', PHONE)
    await phone.getByRole('heading', { name: '两步验证' }).waitFor()
    await screenshot(phone, 'second-factor-code-phone')
    await phone.getByLabel('验证码').fill(nextTestCode('securityAdmin'))
    await phone.getByRole('button', { name: '验证并登录' }).click()
    await phone.getByRole('heading', { name: '工作台' }).waitFor()
    await phone.context().close()
  })
})
