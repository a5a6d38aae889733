import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { apiAs } from './support/api-as.ts'
import { join } from 'node:path'
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/launch-browser.ts'
import { overflowOf, PHONE } from './support/phone.ts'
import { signIn } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'

// 下载 PDF on the document page, in Debian's Chromium against the real server and its LibreOffice:
// the PDF comes down, and since this machine has none of the GB/T 9704 fonts the page says which
// free fonts stood in (本PDF使用替代字体：仿宋_GB2312 → FandolFang、…), at desk and phone size.
const TITLE = '关于做好2026年春季学期开学工作的通知'
const MONDAY = new Date('2026-03-02T01:00:00Z')

let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser
let documentId = ''

before(async () => {
  server = await startDemoServer({ now: () => MONDAY })
  browser = await launchBrowser()
  const drafter = await apiAs(server.url, 'zs-departmentHead-9')
  const drafted = await drafter.post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title: TITLE,
    body: '现就开学工作通知如下。\n一、做好校园安全检查。\n二、落实疫情防控措施。',
    mainRecipients: ['各乡（镇、街道）'],
    secrecy: '内部',
  })
  documentId = drafted.document.id
})
after(async () => {
  await browser?.close()
  await server?.close()
})

async function downloadPdf(page: Page) {
  // Shared machines are slow at times: the document page and the conversion get their time.
  page.setDefaultTimeout(120_000)
  await page.goto(`${server.url}/documents/${documentId}`)
  await page.getByRole('heading', { name: TITLE }).waitFor()
  const download = page.waitForEvent('download', { timeout: 240_000 })
  await page.getByRole('button', { name: '下载 PDF' }).click()
  const file = await download
  assert.equal(file.suggestedFilename(), `${TITLE}.pdf`)
  const notice = page.getByRole('note').filter({ hasText: '本PDF使用替代字体' })
  await notice.waitFor()
  const text = (await notice.textContent()) ?? ''
  for (const substitution of [
    '仿宋_GB2312 → FandolFang',
    '方正小标宋简体 → FandolSong',
    '黑体 → FandolHei',
    '楷体_GB2312 → FandolKai',
  ])
    assert.ok(text.includes(substitution), text)
  return notice
}

describe('the document’s PDF (下载 PDF)', () => {
  it('downloads the PDF and says which fonts were substituted', { timeout: 300_000 }, async () => {
    const page = await signIn(browser, server.url, 'zs-departmentHead-9', undefined, {
      serverClock: true,
    })
    await page.waitForURL((url) => url.pathname !== '/login')
    const notice = await downloadPdf(page)
    // Still there once the document view has settled (it may reload after the download).
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await notice.waitFor()
    await screenshot(page, 'document-pdf-font-notice')
    // The 正文版本 card with the button and the notice, as the reader sees it.
    await page
      .locator('.ant-card')
      .filter({ has: notice })
      .screenshot({ path: join(SCREENSHOT_DIR, 'document-pdf-font-notice-card.png') })
  })

  it('says it on a phone too, without sideways scrolling', { timeout: 300_000 }, async () => {
    const page = await signIn(browser, server.url, 'zs-departmentHead-9', undefined, {
      serverClock: true,
      device: PHONE,
    })
    await page.waitForURL((url) => url.pathname !== '/login')
    const notice = await downloadPdf(page)
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await notice.scrollIntoViewIfNeeded()
    await screenshot(page, 'document-pdf-font-notice-phone')
    await page
      .locator('.ant-card')
      .filter({ has: notice })
      .screenshot({ path: join(SCREENSHOT_DIR, 'document-pdf-font-notice-card-phone.png') })
    assert.equal(await overflowOf(page), 0)
  })
})
