import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { smtpChannel } from '@zhengling/http'
import type { Browser, Page } from 'playwright-core'
import { startMailSink } from '../../http/src/test-support/mail-sink.ts'
import { apiAs } from './support/api-as.ts'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { overflowOf, PHONE } from './support/phone.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'

// 消息中心 in Debian's Chromium against the real server (issue 12 part 2): a 请示 submitted
// elsewhere lights the 秘书股's bell and shows a toast while her page is open; the message opens
// the document and is read; she chooses e-mail; the 拟办 post's 催办 arrives at the SMTP sink once.
// At 1280 wide and at 390×844.
const TITLE = '关于申请荷城街道应急物资仓库建设资金的请示'

let clock = new Date()
let server: Awaited<ReturnType<typeof startDemoServer>>
let sink: Awaited<ReturnType<typeof startMailSink>>
let browser: Browser

before(async () => {
  sink = await startMailSink()
  server = await startDemoServer({
    now: () => clock,
    channels: [smtpChannel({ url: sink.url, from: '政令 <noreply@zhongshan.example>' })],
  })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
  await sink?.close()
})

const api = (username: string) => apiAs(server.url, username)
const bell = (page: Page) => page.getByRole('button', { name: /^消息中心/ })

async function signIn(username: string, phone = false): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, {
    serverClock: true,
    ...(phone ? { device: PHONE } : { device: { viewport: { width: 1280, height: 800 } } }),
  })
  await page.getByRole('heading', { level: 2 }).first().waitFor()
  return page
}

describe('消息中心', () => {
  let documentId = ''

  it('lights the bell live and opens the item from the message (1280 wide)', async () => {
    const page = await signIn('zs-secretariat')
    await bell(page).waitFor()
    const submitted = await (
      await api('zs-townshipHead')
    ).post('/api/documents/incoming', {
      kind: '请示',
      title: TITLE,
      body: '区人民政府：……妥否，请批示。',
      secrecy: '内部',
      mainRecipients: ['区人民政府'],
      signatories: ['孙丽'],
    })
    documentId = submitted.document.id
    // Pushed to the open page: no reload.
    const toast = page.locator('.notification-toast')
    await toast.getByText(`待签收：《${TITLE}》`).waitFor()
    await page.getByRole('button', { name: '消息中心（1 条未读）' }).waitFor()
    await screenshot(page, 'notifications-bell-toast-1280')

    await bell(page).click()
    await page.waitForURL((url) => url.pathname === '/notifications')
    await page.getByRole('heading', { name: '消息中心', level: 2 }).waitFor()
    const row = page.getByRole('listitem', { name: `未读消息：待签收：《${TITLE}》` })
    await row.waitFor()
    assert.ok(await page.getByRole('button', { name: '全部标为已读' }).isEnabled())
    await screenshot(page, 'notifications-center-1280')
    await row.getByRole('link', { name: `待签收：《${TITLE}》` }).click()
    await page.waitForURL((url) => url.pathname === `/documents/${documentId}`)
    await page.getByRole('button', { name: '消息中心', exact: true }).waitFor()
    await bell(page).click()
    await page.getByRole('listitem', { name: `已读消息：待签收：《${TITLE}》` }).waitFor()
    await page.context().close()
  })

  it("keeps the person's choice of e-mail, and the 催办 arrives once at the SMTP sink", async () => {
    const page = await signIn('zs-secretariat')
    await page.goto(`${server.url}/notifications?tab=settings`)
    const form = page.getByRole('form', { name: '接收设置' })
    await form.getByRole('switch', { name: '电子邮件提醒' }).click()
    await form.getByRole('button', { name: '保存' }).click()
    await form.getByText('开启邮件提醒须填写电子邮箱地址').waitFor()
    await form.getByLabel('电子邮箱地址').fill('zhouhai@zhongshan.example')
    await form.getByRole('button', { name: '保存' }).click()
    await page.getByText('接收设置已保存').waitFor()
    await screenshot(page, 'notifications-settings-1280')
    await page.context().close()

    // The document goes on to 拟办 with its 3 working days (钟山 第三十一条); the post that must
    // 拟办 has chosen e-mail too.
    const desk = await api('zs-secretariat')
    await desk.post(`/api/documents/${documentId}/register`, {})
    const screened = await desk.post(`/api/documents/${documentId}/screen`, { findings: {} })
    const due: string = screened.document.dueDate
    const assignee = await server.db
      .selectFrom('document_tasks')
      .innerJoin('post_holdings', 'post_holdings.post_id', 'document_tasks.assignee_post_id')
      .innerJoin('people', 'people.id', 'post_holdings.person_id')
      .select('people.roster_key')
      .where('document_tasks.document_id', '=', documentId)
      .where('document_tasks.kind', '=', 'propose')
      .executeTakeFirstOrThrow()
    await (
      await api(String(assignee.roster_key))
    ).put('/api/notifications/preferences', {
      email: { enabled: true, address: 'nibanren@zhongshan.example' },
      webhook: { enabled: false, recipientId: null },
    })
    clock = new Date(`${due}T09:30:00+08:00`)
    try {
      await server.runJobs()
      await server.runJobs()
    } finally {
      clock = new Date()
    }
    const reminders = sink.received.filter((mail) =>
      /^【催办】催办：《关于申请荷城街道应急物资仓库建设资金的请示》/.test(
        mail.header('subject') ?? '',
      ),
    )
    // Every post holding a 拟办 task is reminded; each address receives its 催办 once.
    const to = reminders.flatMap((mail) => mail.to)
    assert.equal(to.filter((address) => address === 'nibanren@zhongshan.example').length, 1)
    assert.equal(new Set(to).size, to.length, `one 催办 per address: ${to.join('、')}`)
  })

  it('fits a phone (390×844): the bell in the header, the messages without sideways scrolling', async () => {
    const page = await signIn('zs-secretariat', true)
    await bell(page).waitFor()
    assert.equal(await overflowOf(page), 0)
    await screenshot(page, 'notifications-header-phone')
    await bell(page).tap()
    await page.getByRole('heading', { name: '消息中心', level: 2 }).waitFor()
    await page.getByRole('listitem').first().waitFor()
    assert.equal(await overflowOf(page), 0, '消息中心 is no wider than the phone')
    await screenshot(page, 'notifications-center-phone')
    await page.getByRole('tab', { name: '接收设置' }).tap()
    await page.getByRole('form', { name: '接收设置' }).waitFor()
    assert.equal(await overflowOf(page), 0)
    await screenshot(page, 'notifications-settings-phone')
    await page.context().close()
  })
})
