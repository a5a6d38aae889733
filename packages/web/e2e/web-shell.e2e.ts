import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './support/launch-browser.ts'
import { signIn as signInAs } from './support/sign-in.ts'
import { startDemoServer } from './support/start-demo-server.ts'

// The web shell in Debian's Chromium against the real server: sign-in, post switching, the
// organisation view, the rulebook browser with its coverage map, and the audit admin's viewer.
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

// Through the login page; an administrator's (a second step, TOTP) is walked in
// second-factor.e2e.ts, so here they sign in at the API.
const signIn = (username: string, password?: string) =>
  signInAs(browser, server.url, username, password, { form: !username.endsWith('Admin') })

describe('web shell', () => {
  it('a wrong password gets the server’s Chinese message and no session', async () => {
    const page = await signIn('zs-principal', 'wrong-password')
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor()
    assert.equal(new URL(page.url()).pathname, '/login')
    await screenshot(page, 'login-refused')
    await page.context().close()
  })

  it('a person with two posts signs in, sees both, and switches post', async () => {
    const page = await signIn('zs-deputyOfficeDirector')
    await page.getByRole('heading', { name: '工作台' }).waitFor()
    await page.getByText('赵敏').first().waitFor()
    await screenshot(page, 'workbench')
    await page.getByLabel('当前职务').click()
    await page.getByRole('option', { name: '区人民政府督查室主任' }).click()
    await page.getByText('已切换为：区人民政府督查室主任').waitFor()
    // The switch is an audited act in the jurisdiction's chain, under the new post.
    const last = await server.db
      .selectFrom('audit_records')
      .innerJoin('posts', 'posts.id', 'audit_records.actor_post_id')
      .select(['action', 'posts.title'])
      .where('audit_records.jurisdiction_id', '=', 'zhongshan')
      .orderBy('audit_records.id', 'desc')
      .executeTakeFirstOrThrow()
    assert.deepEqual(last, { action: 'session.switchPost', title: '区人民政府督查室主任' })
    // A reload keeps the session and the post acted in.
    await page.reload()
    await page.getByRole('heading', { name: '工作台' }).waitFor()
    const current = await page.getByLabel('当前职务').locator('..').textContent()
    assert.match(current ?? '', /督查室主任/)
    // The account's own settings sit under 账户 in the header.
    await page.getByRole('button', { name: '账户' }).click()
    await page.getByRole('menuitem', { name: '修改密码' }).click()
    await page.getByRole('heading', { name: '修改密码' }).waitFor()
    await page.context().close()
  })

  it('the organisation view shows holders, portfolios and the acting head', async () => {
    const page = await signIn('zs-principal')
    await page.getByRole('menuitem', { name: '组织机构' }).click()
    await page.getByRole('heading', { name: '组织机构' }).waitFor()
    const head = page.getByRole('row').filter({ hasText: '王建国' })
    await head.getByText('代理').first().waitFor()
    const executive = page.getByRole('row').filter({ hasText: '李红梅' })
    await executive.getByText('区财政局').waitFor()
    await screenshot(page, 'organisation')
    await page.getByRole('tab', { name: '代理安排' }).click()
    await page.getByText('zhongshan.acting.principal').waitFor()
    await page.context().close()
  })

  it('the rulebook browser shows a rule with its article excerpt and the coverage map', async () => {
    const page = await signIn('zs-secretariat')
    await page.getByRole('menuitem', { name: '规则库' }).click()
    await page.getByRole('heading', { name: '规则库' }).waitFor()
    await screenshot(page, 'rulebooks')
    await page
      .getByRole('link', { name: /钟山区/ })
      .first()
      .click()
    await page.getByPlaceholder(/搜索/).fill('zhongshan.acting.principal')
    await page.getByPlaceholder(/搜索/).press('Enter')
    const row = page.getByRole('row').filter({ hasText: 'zhongshan.acting.principal' })
    await row.getByText('第六条').waitFor()
    await row.getByRole('button').first().click() // expand the row
    await page
      .getByText(/常务副区长/)
      .first()
      .waitFor()
    await screenshot(page, 'rulebook-rules')
    await page.getByRole('tab', { name: '条文覆盖' }).click()
    await page.getByText('已测试').first().waitFor()
    await screenshot(page, 'rulebook-coverage')
    await page.context().close()
  })

  it('the audit admin verifies the chain; a post-holder is refused the audit log', async () => {
    const page = await signIn('auditAdmin')
    await page.getByRole('menuitem', { name: '审计日志' }).click()
    await page.getByRole('heading', { name: '审计日志' }).waitFor()
    await page.getByRole('button', { name: '校验链' }).click()
    await page.getByText(/审计链完整/).waitFor()
    await page.getByRole('cell', { name: 'session.login' }).first().waitFor()
    await screenshot(page, 'audit')
    await page.context().close()

    const clerk = await signIn('zs-secretariat')
    await clerk.getByRole('heading', { name: '工作台' }).waitFor()
    assert.equal(await clerk.getByRole('menuitem', { name: '审计日志' }).count(), 0)
    await clerk.goto(`${server.url}/audit`)
    await clerk.getByText('仅安全审计员可查看审计日志').waitFor()
    await clerk.context().close()
  })
})
