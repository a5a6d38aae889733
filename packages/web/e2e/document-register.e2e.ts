import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { pick } from './support/ui.ts'

// 收发文登记簿 in Debian's Chromium against the real server: 荷城街道 sends a 报告, the office's
// desk registers it, then finds it in the register, narrows it by keyword and exports the Excel
// file. A department head has no 登记簿 in the menu, and is refused with the article at /register.
const TITLE = '关于荷城街道防汛物资储备情况的报告'

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let documentId = ''

before(async () => {
  // The real clock: the session cookie's expiry is set from the server's clock, and the browser
  // drops a cookie that has already expired by its own.
  server = await startDemoServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(username: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username)
  await page.getByRole('heading', { name: '工作台' }).waitFor()
  return page
}

/** A write through the API in the page's session (its cookie and CSRF token). */
async function postAs(page: Page, path: string, body: object) {
  const session = await (await page.request.get(`${server.url}/api/session`)).json()
  const response = await page.request.post(`${server.url}${path}`, {
    data: body,
    headers: { 'x-csrf-token': session.csrfToken },
  })
  assert.ok(response.ok(), await response.text())
  return response.json()
}

describe('收发文登记簿', () => {
  it('the desk finds a registered document and exports the register', async () => {
    const township = await signIn('zs-townshipHead')
    const submitted = await postAs(township, '/api/documents/incoming', {
      kind: '报告',
      title: TITLE,
      body: '今年汛期前已储备编织袋五千条。',
      senderReference: '荷街报〔2026〕7号',
      secrecy: '内部',
      urgency: 'normal',
      mainRecipients: ['区人民政府'],
    })
    await township.context().close()

    const page = await signIn('zs-secretariat')
    documentId = submitted.document.id
    await postAs(page, `/api/documents/${documentId}/register`, {})
    await page.getByRole('menuitem', { name: '收发文登记簿' }).click()
    await page.getByRole('heading', { name: '收发文登记簿' }).waitFor()
    const row = page.getByRole('row').filter({ hasText: TITLE })
    await row.getByRole('cell', { name: '荷城街道', exact: true }).waitFor()
    await row.getByRole('cell', { name: '荷街报〔2026〕7号' }).waitFor()
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    await row.getByRole('cell', { name: today }).first().waitFor()

    await page.getByLabel('关键词').fill('编织袋')
    await page.getByLabel('关键词').press('Enter')
    await page.getByText('共 1 件').waitFor()
    await row.waitFor()
    await screenshot(page, 'document-register')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ])
    assert.equal(download.suggestedFilename(), `收文登记簿-${today}.xlsx`)
    const bytes = await readFile(await download.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')

    // 发文: nothing issued yet in this fresh database.
    await page.getByRole('tab', { name: '发文' }).click()
    await page.getByRole('columnheader', { name: '发文字号' }).waitFor()
    await page.context().close()
  })

  it('a department head is refused with the article that gives the register to the office', async () => {
    const page = await signIn('zs-departmentHead-9')
    await page.goto(`${server.url}/register`)
    await page.getByText(/区财政局局长无权查阅收发文登记簿/).waitFor()
    await page.getByText('第五条', { exact: false }).first().waitFor()
    // The server has answered by now: the menu offers no register to a department head.
    assert.equal(await page.getByRole('menuitem', { name: '收发文登记簿' }).count(), 0)
    await page.context().close()
  })

  it('the desk circulates it to a deputy, whose 已阅 shows as the receipt', async () => {
    const desk = await signIn('zs-secretariat')
    await desk.goto(`${server.url}/documents/${documentId}`)
    await desk.getByRole('heading', { name: TITLE }).waitFor()
    await desk.getByText('尚未传阅').waitFor()
    await pick(desk, desk.getByLabel('传阅对象'), ['副区长（教育）'], { search: true })
    await desk.getByRole('button', { name: '传阅', exact: true }).click()
    await desk.getByText('未阅', { exact: true }).waitFor()
    await desk.getByText('已阅 0 / 1').waitFor()
    await desk.context().close()

    const deputy = await signIn('zs-deputy-2')
    await deputy.goto(`${server.url}/documents/${documentId}`)
    await deputy.getByText(/办公室传阅此件/).waitFor()
    await deputy.getByRole('button', { name: '已阅', exact: true }).click()
    await deputy.getByText('已阅 1 / 1').waitFor()
    await deputy.getByText('张志强（副区长（教育））').first().waitFor()
    await screenshot(deputy, 'document-circulation')
    await deputy.context().close()
  })
})
