import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { apiAs } from './support/api-as.ts'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { goByMenu, openMenu, overflowOf, PHONE } from './support/phone.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'
import { documentState as state } from './support/ui.ts'

// At phone size (390×844, touch) in Debian's Chromium against the real server: the 区长 signs a
// 钟府发 from his phone, the 秘书股 registers a 请示 from hers, and no page of any role's menu is
// wider than the screen. The documents are brought to the step through the API first; the step
// itself is done by touch.
const OUTGOING = '关于做好2026年冬季森林防火工作的通知'
const INCOMING = '关于申请拨付荷城街道冬季取暖补助资金的请示'

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

async function signIn(username: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username, undefined, { device: PHONE })
  await page.getByRole('heading', { level: 2 }).first().waitFor()
  return page
}

const api = (username: string) => apiAs(server.url, username)

async function unitId(name: string): Promise<string> {
  const row = await server.db
    .selectFrom('departments')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.id
}

/** Whatever the page shows once its data is in: no spinner left. */
async function loaded(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 2 }).first().waitFor()
  // A locator, not waitForFunction: a string predicate still loading at the first check is
  // polled through eval, which the app's Content-Security-Policy refuses.
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached' })
}

async function assertNoOverflow(page: Page, where: string): Promise<void> {
  assert.equal(await overflowOf(page), 0, `${where} is wider than the phone's screen`)
}

describe('on a phone (390×844)', () => {
  it('the header names the jurisdiction and the post on one line each; the drawer holds the menu, the post and the way out', async () => {
    const page = await signIn('zs-principal')
    const header = page.locator('header')
    // 六盘水市钟山区人民政府 on one line: its box is one line high.
    const name = header.getByText('六盘水市钟山区人民政府', { exact: true })
    const box = await name.boundingBox()
    assert.ok(box && box.height < 30, `the jurisdiction wraps: ${JSON.stringify(box)}`)
    await header.getByText('区长 · 王建国').waitFor()
    await assertNoOverflow(page, '工作台')

    const menu = await openMenu(page)
    const drawer = page.getByRole('dialog')
    await drawer.getByLabel('当前职务').waitFor()
    await drawer.getByRole('button', { name: '退出登录' }).waitFor()
    await menu.getByRole('menuitem', { name: /待办/ }).waitFor()
    await screenshot(page, 'phone-menu', { fullPage: false })
    await drawer.getByRole('button', { name: '退出登录' }).tap()
    await page.getByLabel('用户名').waitFor()
    await assertNoOverflow(page, '登录页')
    await page.context().close()
  })

  it('the 区长 signs (签发) a 钟府发 by touch', async () => {
    const bureau = await api('zs-departmentHead-9')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: OUTGOING,
      body: '各乡（镇、街道）：现就做好冬季森林防火工作通知如下。',
      mainRecipients: [{ unitId: await unitId('荷城街道') }, { unitId: await unitId('大河镇') }],
      secrecy: '公开',
    })
    const id: string = drafted.document.id
    // 核稿 along 第三十二条: the drafting bureau's head, the office director, the deputy.
    for (const reviewer of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
      await (await api(reviewer)).post(`/api/documents/${id}/review`, { opinion: '同意' })

    const page = await signIn('zs-principal')
    await goByMenu(page, '/inbox')
    await page.getByRole('heading', { name: '待办' }).waitFor()
    const entry = page.getByRole('listitem').filter({ hasText: OUTGOING })
    await entry.getByText('签发', { exact: true }).waitFor()
    await assertNoOverflow(page, '待办')
    await screenshot(page, 'phone-inbox', { fullPage: false })
    await entry.getByRole('link', { name: OUTGOING }).tap()
    await page.getByRole('heading', { name: OUTGOING }).waitFor()
    await state(page, '待签发').waitFor()
    await assertNoOverflow(page, '公文')

    // The 办理 card lies below the document: the bottom bar names the task and brings it up.
    const bar = page.getByRole('region', { name: '待您办理' })
    await bar.getByText('待您办理：签发').waitFor()
    await screenshot(page, 'phone-document', { fullPage: false })
    await bar.getByRole('button', { name: '去办理' }).tap()
    const opinion = page.getByLabel('签发意见')
    await opinion.waitFor()
    await bar.waitFor({ state: 'hidden' })
    assert.ok(await opinion.isVisible())
    await opinion.fill('同意印发')
    await page.getByRole('button', { name: '签发', exact: true }).tap()
    // 签发 asks to be confirmed.
    const confirm = page.getByRole('tooltip').filter({ hasText: '确认签发' })
    await confirm.getByRole('button', { name: '签发' }).tap()
    await state(page, '已签发待编号').waitFor()
    await page.getByText('王建国（区长）').first().waitFor()
    await assertNoOverflow(page, '签发后的公文')
    await page.context().close()
  })

  it('the 秘书股 registers (签收登记) a 请示 by touch', async () => {
    const township = await api('zs-townshipHead')
    await township.post('/api/documents/incoming', {
      kind: '请示',
      title: INCOMING,
      body: '区人民政府：\n申请拨付冬季取暖补助资金。\n妥否，请批示。',
      senderReference: '荷街呈〔2026〕9号',
      secrecy: '内部',
      mainRecipients: ['区人民政府'],
    })

    const page = await signIn('zs-secretariat')
    await goByMenu(page, '/inbox')
    const entry = page.getByRole('listitem').filter({ hasText: INCOMING })
    await entry.getByText('签收', { exact: true }).waitFor()
    await entry.getByRole('link', { name: INCOMING }).tap()
    await page.getByRole('heading', { name: INCOMING }).waitFor()
    await state(page, '待签收').waitFor()
    await page
      .getByRole('region', { name: '待您办理' })
      .getByRole('button', { name: '去办理' })
      .tap()
    await page.getByRole('button', { name: '签收登记' }).tap()
    await state(page, '已登记待初审').waitFor()
    await page
      .getByText(/收文编号/)
      .first()
      .waitFor()
    await assertNoOverflow(page, '签收登记后的公文')
    await screenshot(page, 'phone-registered', { fullPage: false })
    await page.context().close()
  })

  // Each role's menu differs: a leader (木里's the longest jurisdiction name of the demo), the
  // office's desk (登记来文, 登记簿), the system administrator (账户, 工作日历) and the auditor.
  // A page another account already walked is not walked again (its layout is the page's; the
  // 工作台 and the header, which differ most by person and jurisdiction, are seen by everyone).
  const accounts = ['zs-principal', 'ml-principal', 'zs-secretariat', 'systemAdmin', 'auditAdmin']
  const walked = new Set<string>()
  for (const username of accounts)
    it(`every page of ${username}'s menu fits the screen`, async () => {
      const page = await signIn(username)
      const menu = await openMenu(page)
      const paths = await menu
        .locator('a[href]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
      await page.keyboard.press('Escape')
      await menu.waitFor({ state: 'hidden' })
      assert.ok(paths.length >= 3, `${username} has a menu`)
      const wide: string[] = []
      for (const path of paths) {
        if (path !== '/' && walked.has(path)) continue
        walked.add(path)
        await goByMenu(page, path)
        await loaded(page)
        const overflow = await overflowOf(page)
        if (overflow > 0) {
          wide.push(`${path} (+${overflow}px)`)
          await screenshot(page, `phone-overflow-${username}${path.replaceAll('/', '-')}`)
        }
      }
      assert.deepEqual(wide, [], `${username}: pages wider than 390 px`)
      await page.context().close()
    })
})
