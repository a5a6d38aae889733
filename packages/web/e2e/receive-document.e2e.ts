import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { PHONE } from './support/phone.ts'
import { signIn } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { choose, refusal } from './support/ui.ts'

// 登记来文 in Debian's Chromium against the real server, at 1280 wide and on a phone: 钟山's
// 秘书股 registers a 上级机关 document with its scanned PDF; it gets 钟府收〔年〕N号 (钟山's roster
// setting), its page shows the number, and the 收文登记簿 lists it in the 收文编号 column. A
// program renamed .pdf is refused in Chinese. A township head has no 登记来文 in the menu.

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
const files = mkdtempSync(join(tmpdir(), 'receive-'))
const SCAN = join(files, '黔府办发8号.pdf')
const RENAMED = join(files, '通知.pdf')
/** The year in Beijing time, as the server numbers by. */
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()

before(async () => {
  writeFileSync(SCAN, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')
  writeFileSync(RENAMED, Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]))
  server = await startDemoServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function openAs(username: string, device?: BrowserContextOptions): Promise<Page> {
  const page = await signIn(browser, server.url, username, undefined, { device })
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

async function fillReceipt(page: Page, title: string, file: string) {
  await page.getByLabel('来文单位').fill('贵州省人民政府办公厅')
  await page.getByLabel('来文字号').fill('黔府办发〔2026〕8号')
  await page.getByLabel('标题').fill(title)
  await choose(page, '文种', '通知')
  await choose(page, '密级', '内部')
  await page.getByLabel('份数').fill('2')
  await page.locator('input[type=file]').setInputFiles(file)
}

describe('登记来文', () => {
  for (const [size, device] of [
    ['wide', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`the 秘书股 registers a 上级机关 document with its PDF (${size})`, async () => {
      const page = await openAs('zs-secretariat', device)
      await page.goto(`${server.url}/documents/receive`)
      await page.getByRole('heading', { name: '登记来文' }).waitFor()
      const title = `关于做好春季森林草原防灭火工作的通知（${size}）`
      await fillReceipt(page, title, SCAN)
      await screenshot(page, `receive-document-form-${size}`)
      await page.getByRole('button', { name: '登记', exact: true }).click()
      await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/)
      await page.getByRole('heading', { name: title }).waitFor()
      const number = page.getByText(new RegExp(`^钟府收〔${YEAR}〕\\d+号$`))
      await number.first().waitFor()
      const receiptNumber = (await number.first().textContent()) as string
      await page.getByText('贵州省人民政府办公厅').first().waitFor()
      await page.getByText('黔府办发8号.pdf').waitFor()
      await screenshot(page, `receive-document-registered-${size}`)

      await page.goto(`${server.url}/register`)
      await page.getByRole('columnheader', { name: '收文编号' }).waitFor()
      const row = page.getByRole('row', { name: new RegExp(title.replace(/[（）]/g, '.')) })
      await row.getByRole('cell', { name: receiptNumber, exact: true }).waitFor()
      await screenshot(page, `receive-document-register-${size}`)
      await page.context().close()
    })
  }

  it('refuses a program renamed .pdf in Chinese, and offers the page to the desk only', async () => {
    const page = await openAs('zs-secretariat')
    await page.goto(`${server.url}/documents/receive`)
    await fillReceipt(page, '关于报送项目清单的通知', RENAMED)
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await refusal(page, '文件内容不是PDF').waitFor()
    assert.match(page.url(), /\/documents\/receive$/)
    await page.getByRole('link', { name: '登记来文' }).first().waitFor()
    await page.context().close()

    const township = await openAs('zs-townshipHead')
    await township.getByRole('heading', { name: '工作台' }).waitFor()
    await township.getByRole('link', { name: '报送公文' }).first().waitFor()
    assert.equal(await township.getByRole('link', { name: '登记来文' }).count(), 0)
    await township.goto(`${server.url}/documents/receive`)
    await township.getByText('当前职务不负责收文登记').waitFor()
    await township.context().close()
  })
})
